// Major hazard source identification and grading of an enterprise as today's record holds it: its
// chemicals (by CAS) graded as one unit. A thin reading of gradeUnit (gb18218-unit.ts) in the
// shape the enterprise file and the directory were written against; it goes once enterprises
// have units of their own.
import type { Gb18218Table } from '../data/gb18218-table';
import type { ChemicalHolding } from '../schemas/enterprise';
import type { MajorHazardLevel } from './gb18218-index';
import { alphaRowFor, indexOf, levelRowFor } from './gb18218-index';
import { gradeUnit } from './gb18218-unit';
import type { BetaBasis, UnitTerm } from './gb18218-working';

export type { MajorHazardLevel } from './gb18218-index';
export { gradeEnterprise, gradeUnit } from './gb18218-unit';

/** Where a term's β came from: Table 3, a Table 4 code, or the β of an unclassified row. */
export type BetaSource = 'toxicGasTable' | `hazardClass:${string}` | 'default';

/**
 * Where a term's Q came from: the single table row for its CAS, or, when several rows share the
 * CAS (ammonium nitrate), the strictest of them or the variant the caller named.
 */
export type QSource = 'table' | 'table:strictestVariant' | 'table:chosenVariant';

export interface VariantAlternative {
  variant: string;
  nameZh: string;
  nameEn: string;
  Q: number;
}

export interface HazardTerm {
  /** The name the enterprise declared (of its first holding with this CAS). */
  name: string;
  cas: string;
  tableNameZh: string;
  tableNameEn: string;
  variant: string | null;
  /** Summed over every holding with this CAS, tonnes. */
  q: number;
  holdingCount: number;
  Q: number;
  Qsource: QSource;
  /** The rows not taken when several share the CAS; empty otherwise. */
  alternatives: VariantAlternative[];
  qOverQ: number;
  beta: number;
  betaSource: BetaSource;
  betaQOverQ: number;
}

export interface UnknownChemical {
  name: string;
  cas: string;
  q: number;
  holdingCount: number;
}

export interface MajorHazardAssessment {
  terms: HazardTerm[];
  /** Σ q/Q over the terms. */
  S: number;
  /** Σ β q/Q over the terms. */
  betaSum: number;
  peopleWithin500m: number;
  alpha: number;
  alphaBand: { minPeople: number; maxPeople: number | null };
  /** α × Σ β q/Q. */
  R: number;
  isMajor: boolean;
  /** 1 (most severe) to 4 when a major hazard source; null otherwise. */
  level: MajorHazardLevel | null;
  /** Holdings whose CAS is not in Table 1: not counted in S or R, and listed so. */
  unknownChemicals: UnknownChemical[];
  /** The table version the grading used, e.g. `GB 18218-2018 / built-in v1`. */
  tableVersion: string;
}

export interface AssessOptions {
  /** CAS → variant, for chemicals whose table rows differ by variant (e.g. ammonium nitrate). */
  variants?: Readonly<Record<string, string>>;
}

/** α and its band for the number of people within 500 m outside the boundary. */
export function alphaFor(
  peopleWithin500m: number,
  table: Gb18218Table,
): { alpha: number; band: { minPeople: number; maxPeople: number | null } } {
  const row = alphaRowFor(peopleWithin500m, indexOf(table));
  return { alpha: row.alpha, band: { minPeople: row.minPeople, maxPeople: row.maxPeople } };
}

/** The level for an R, ignoring whether the unit is a major hazard source at all. */
export function levelForR(R: number, table: Gb18218Table): MajorHazardLevel {
  return levelRowFor(R, indexOf(table)).level as MajorHazardLevel;
}

function betaSourceOf(basis: BetaBasis): BetaSource {
  if (basis.kind === 'table3') return 'toxicGasTable';
  if (basis.kind === 'table4') return `hazardClass:${basis.code}`;
  return 'default';
}

function hazardTermOf(term: UnitTerm): HazardTerm {
  // Holdings named only by CAS always resolve through Table 1.
  if (term.qBasis.kind !== 'table1') throw new Error('a CAS-only holding resolved outside Table 1');
  const { row, variantChoice, alternatives } = term.qBasis;
  return {
    name: term.name,
    cas: term.cas ?? '',
    tableNameZh: row.nameZh,
    tableNameEn: row.nameEn,
    variant: row.variant,
    q: term.q,
    holdingCount: term.holdings.length,
    Q: term.Q,
    Qsource:
      variantChoice === 'only'
        ? 'table'
        : variantChoice === 'named'
          ? 'table:chosenVariant'
          : 'table:strictestVariant',
    alternatives: alternatives.map((a) => ({
      variant: a.variant ?? '',
      nameZh: a.nameZh,
      nameEn: a.nameEn,
      Q: a.Q,
    })),
    qOverQ: term.qOverQ,
    beta: term.beta,
    betaSource: betaSourceOf(term.betaBasis),
    betaQOverQ: term.betaQOverQ,
  };
}

/**
 * Identifies and grades an enterprise's chemicals as one unit. Holdings are matched to Table 1 by
 * CAS; several holdings of the same CAS are summed; holdings whose CAS Table 1 lacks are listed
 * in `unknownChemicals` (today's record holds no hazard classes to read Table 2 with).
 */
export function assessMajorHazardSource(
  chemicals: readonly ChemicalHolding[],
  peopleWithin500m: number,
  table: Gb18218Table,
  options: AssessOptions = {},
): MajorHazardAssessment {
  const graded = gradeUnit(
    {
      kind: 'other',
      name: 'enterprise',
      holdings: chemicals.map((c) => {
        const variant = options.variants?.[c.cas.trim()];
        return {
          name: c.name,
          cas: c.cas,
          classes: [],
          maxQuantityT: c.maxQuantityT,
          ...(variant === undefined ? {} : { variant }),
        };
      }),
    },
    { peopleWithin500m },
    table,
  );
  return {
    terms: graded.terms.map(hazardTermOf),
    S: graded.S,
    betaSum: graded.betaSum,
    peopleWithin500m,
    alpha: graded.alpha.value,
    alphaBand: { minPeople: graded.alpha.minPeople, maxPeople: graded.alpha.maxPeople },
    R: graded.R,
    isMajor: graded.isMajor,
    level: graded.level,
    unknownChemicals: graded.notCounted.map((n) => ({
      name: n.name,
      cas: n.cas ?? '',
      q: n.q,
      holdingCount: n.holdings.length,
    })),
    tableVersion: graded.tableVersion.label,
  };
}
