// Major hazard source identification and grading by GB 18218-2018: S = Σ q/Q, R = α Σ β q/Q.
// Returns the working term by term so that an inspector can check it against the paper standard.
import type {
  AlphaBand,
  BetaHazardClass,
  Gb18218Chemical,
  Gb18218Table,
} from '../data/gb18218-table';
import { defaultGb18218Table } from '../data/gb18218-table';
import type { ChemicalHolding } from '../schemas/enterprise';

/** Where a term's β came from. */
export type BetaSource =
  | 'explicit'
  | 'toxicGasTable'
  | `hazardClass:${BetaHazardClass}`
  /** The row names no class: β of "all other hazardous chemicals". */
  | 'default';

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

export type MajorHazardLevel = 1 | 2 | 3 | 4;

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
  /** Holdings whose CAS is not in the table: not counted in S or R, and listed so. */
  unknownChemicals: UnknownChemical[];
}

export interface AssessOptions {
  /** CAS → variant, for chemicals whose table rows differ by variant (e.g. ammonium nitrate). */
  variants?: Readonly<Record<string, string>>;
}

interface TableIndex {
  rowsByCas: Map<string, Gb18218Chemical[]>;
  toxicBetaByCas: Map<string, number>;
  alphaBands: AlphaBand[];
  levels: { level: MajorHazardLevel; minR: number }[];
}

const indexes = new WeakMap<Gb18218Table, TableIndex>();

function indexOf(table: Gb18218Table): TableIndex {
  const cached = indexes.get(table);
  if (cached) return cached;
  const rowsByCas = new Map<string, Gb18218Chemical[]>();
  for (const row of table.chemicals)
    rowsByCas.set(row.cas, [...(rowsByCas.get(row.cas) ?? []), row]);
  const index: TableIndex = {
    rowsByCas,
    toxicBetaByCas: new Map(table.toxicGasBeta.map((g) => [g.cas, g.beta])),
    alphaBands: [...table.alphaBands].sort((a, b) => b.minPeople - a.minPeople),
    levels: [...table.levels]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level as MajorHazardLevel, minR: l.minR })),
  };
  indexes.set(table, index);
  return index;
}

// Sums like 0.7 + 0.2 + 0.1 land a hair under 1 in binary floating point; an inspector doing the
// sum by hand gets exactly 1, so thresholds are compared with a tolerance far below any real
// quantity's precision.
function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - 1e-9 * Math.max(1, Math.abs(threshold));
}

/** α and its band for the number of people within 500 m outside the boundary. */
export function alphaFor(
  peopleWithin500m: number,
  table: Gb18218Table = defaultGb18218Table,
): { alpha: number; band: { minPeople: number; maxPeople: number | null } } {
  if (!Number.isFinite(peopleWithin500m) || peopleWithin500m < 0) {
    throw new RangeError(`peopleWithin500m must be a non-negative number: ${peopleWithin500m}`);
  }
  // Bands are sorted by minPeople, highest first; the table schema guarantees one starts at 0.
  const band = indexOf(table).alphaBands.find((b) => b.minPeople <= peopleWithin500m);
  if (!band) throw new RangeError('the α table has no band starting at 0 people');
  return { alpha: band.alpha, band: { minPeople: band.minPeople, maxPeople: band.maxPeople } };
}

/** The level for an R, ignoring whether the unit is a major hazard source at all. */
export function levelForR(R: number, table: Gb18218Table = defaultGb18218Table): MajorHazardLevel {
  const found = indexOf(table).levels.find((l) => atLeast(R, l.minR));
  return found ? found.level : 4;
}

function chooseRow(
  rows: Gb18218Chemical[],
  wanted: string | undefined,
): { row: Gb18218Chemical; Qsource: QSource; alternatives: VariantAlternative[] } {
  const only = rows[0] as Gb18218Chemical;
  if (rows.length === 1) return { row: only, Qsource: 'table', alternatives: [] };
  const chosen = wanted === undefined ? undefined : rows.find((r) => r.variant === wanted);
  // Without a named variant the smallest Q is taken: it never understates the hazard.
  const row = chosen ?? rows.reduce((a, b) => (b.Q < a.Q ? b : a));
  const alternatives = rows
    .filter((r) => r !== row)
    .map((r) => ({ variant: r.variant ?? '', nameZh: r.nameZh, nameEn: r.nameEn, Q: r.Q }));
  return { row, Qsource: chosen ? 'table:chosenVariant' : 'table:strictestVariant', alternatives };
}

function betaOf(
  row: Gb18218Chemical,
  table: Gb18218Table,
  index: TableIndex,
): { beta: number; betaSource: BetaSource } {
  if (row.beta !== undefined) return { beta: row.beta, betaSource: 'explicit' };
  const toxic = index.toxicBetaByCas.get(row.cas);
  if (toxic !== undefined) return { beta: toxic, betaSource: 'toxicGasTable' };
  const cls = row.betaClass;
  if (cls !== undefined && cls !== 'toxicGas') {
    return { beta: table.betaByHazardClass[cls], betaSource: `hazardClass:${cls}` };
  }
  return { beta: table.betaByHazardClass.other, betaSource: 'default' };
}

interface Summed {
  name: string;
  cas: string;
  q: number;
  holdingCount: number;
}

function sumByCas(chemicals: readonly ChemicalHolding[]): Summed[] {
  const byCas = new Map<string, Summed>();
  for (const c of chemicals) {
    if (!Number.isFinite(c.maxQuantityT) || c.maxQuantityT < 0) {
      throw new RangeError(`quantity of ${c.cas} must be a non-negative number: ${c.maxQuantityT}`);
    }
    const cas = c.cas.trim();
    const seen = byCas.get(cas);
    if (seen) {
      seen.q += c.maxQuantityT;
      seen.holdingCount += 1;
    } else {
      byCas.set(cas, { name: c.name, cas, q: c.maxQuantityT, holdingCount: 1 });
    }
  }
  return [...byCas.values()];
}

/**
 * Identifies and grades one unit. Holdings are matched to the table by CAS; several holdings of
 * the same CAS are summed; holdings whose CAS the table lacks are listed in `unknownChemicals`.
 */
export function assessMajorHazardSource(
  chemicals: readonly ChemicalHolding[],
  peopleWithin500m: number,
  table: Gb18218Table = defaultGb18218Table,
  options: AssessOptions = {},
): MajorHazardAssessment {
  const index = indexOf(table);
  const { alpha, band } = alphaFor(peopleWithin500m, table);
  const terms: HazardTerm[] = [];
  const unknownChemicals: UnknownChemical[] = [];
  let S = 0;
  let betaSum = 0;

  for (const held of sumByCas(chemicals)) {
    const rows = index.rowsByCas.get(held.cas);
    if (!rows) {
      unknownChemicals.push(held);
      continue;
    }
    const { row, Qsource, alternatives } = chooseRow(rows, options.variants?.[held.cas]);
    const { beta, betaSource } = betaOf(row, table, index);
    const qOverQ = held.q / row.Q;
    const betaQOverQ = beta * qOverQ;
    S += qOverQ;
    betaSum += betaQOverQ;
    terms.push({
      name: held.name,
      cas: held.cas,
      tableNameZh: row.nameZh,
      tableNameEn: row.nameEn,
      variant: row.variant ?? null,
      q: held.q,
      holdingCount: held.holdingCount,
      Q: row.Q,
      Qsource,
      alternatives,
      qOverQ,
      beta,
      betaSource,
      betaQOverQ,
    });
  }

  const R = alpha * betaSum;
  const isMajor = atLeast(S, 1);
  return {
    terms,
    S,
    betaSum,
    peopleWithin500m,
    alpha,
    alphaBand: band,
    R,
    isMajor,
    level: isMajor ? levelForR(R, table) : null,
    unknownChemicals,
  };
}
