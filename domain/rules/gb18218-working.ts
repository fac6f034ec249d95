// The working of a GB 18218-2018 grading, term by term, as an inspector checks it against the
// paper standard: for each substance its holdings, q, Q and the row it came from (and, for a
// chemical Table 1 does not name, which Table 2 rows applied and why the one taken), β and its
// row, q/Q and βq/Q; for the unit S, α and its band, R and the level; and the table version.
import type { GhsClassification, PhysicalState } from '../data/ghs-hazard-classes';
import type { TableSource, TableVersion, ValueFlag } from '../data/gb18218-table-schema';
import type { UnitKind } from '../schemas/hazard-unit';
import type { MajorHazardLevel } from './gb18218-index';

/** A row of the table as the working cites it. */
export interface CitedRow {
  id: string;
  source: TableSource;
  /** Values of the row not yet checked against the printed standard. */
  flags: ValueFlag[];
  /** Whether an administrator changed the row (who and why are on the row). */
  changed: boolean;
}

export interface Table1Alternative {
  id: string;
  variant: string | null;
  nameZh: string;
  nameEn: string;
  Q: number;
}

/** A Table 2 row that applies to a holding, with the classification that made it apply. */
export interface Table2Candidate {
  code: string;
  Q: number;
  beta: number;
  matchedBy: GhsClassification;
}

export type QBasis =
  | {
      kind: 'table1';
      row: CitedRow & {
        nameZh: string;
        nameEn: string;
        cas: string | null;
        variant: string | null;
      };
      /** `only`: one row for the CAS; `named`: the holding named its variant or row;
       *  `strictest`: several rows share the CAS and none was named, so the smallest Q. */
      variantChoice: 'only' | 'named' | 'strictest';
      /** The other rows sharing the CAS, not taken. */
      alternatives: Table1Alternative[];
    }
  | {
      kind: 'table2';
      row: CitedRow & { code: string; nameZh: string; nameEn: string; quantityNoteEn?: string };
      matchedBy: GhsClassification;
      /** Every row that applies, the one taken first (smallest Q, then larger β). */
      candidates: Table2Candidate[];
      /** Rows a classification matched but that yield to another ("not in W5.1 or W5.2"). */
      excluded: { code: string; because: string[] }[];
    };

/** How the standard's mixture rule was applied to a holding declared a mixture. */
export interface MixtureBasis {
  /** `sameAsPure`: the mixture keeps the pure substance's hazard categories, so it counts as the
   *  pure substance (whole mass); `ownClasses`: it does not, so its own categories decide. */
  rule: 'sameAsPure' | 'ownClasses';
  /** The pure substance's categories that Table 2 grades, as `class category (route)`. */
  pureCategories: string[];
  mixtureCategories: string[];
}

export type BetaBasis =
  | (CitedRow & { kind: 'table3'; nameZh: string; nameEn: string; cas: string })
  | (CitedRow & {
      kind: 'table4';
      code: string;
      /** `table1`: the class the Table 1 row names; `table2`: the class of the Table 2 row taken. */
      via: 'table1' | 'table2';
      basisZh: string | null;
      basisEn: string | null;
    })
  | {
      kind: 'unclassified';
      source: TableSource;
      flags: ValueFlag[];
      basisZh: string;
      basisEn: string;
    };

export interface HoldingShare {
  /** Position of the holding in the unit's list. */
  index: number;
  name: string;
  q: number;
  /** How the mixture rule went, for a holding declared a mixture; null otherwise. */
  mixture: MixtureBasis | null;
}

export interface UnitTerm {
  name: string;
  cas: string | null;
  holdings: HoldingShare[];
  /** Summed over the holdings, tonnes. */
  q: number;
  Q: number;
  qBasis: QBasis;
  qOverQ: number;
  /** q ≥ Q: this substance alone makes the unit a major hazard source. */
  reachesQAlone: boolean;
  beta: number;
  betaBasis: BetaBasis;
  betaQOverQ: number;
}

export type NotCountedReason =
  /** Not in Table 1, and no hazard classes given to read Table 2 with. */
  | { kind: 'noClasses' }
  /** None of its classes is one Table 2 grades (e.g. only hazardous to the aquatic environment). */
  | { kind: 'noTable2Row'; classes: GhsClassification[]; physicalState: PhysicalState | null }
  /** It names a Table 1 row this edition of the table does not have. */
  | { kind: 'unknownTable1Row'; table1RowId: string };

export interface NotCountedHolding {
  name: string;
  cas: string | null;
  holdings: HoldingShare[];
  q: number;
  reason: NotCountedReason;
}

export interface UnitGrading {
  unit: { kind: UnitKind; name: string; position: { lat: number; lon: number } | null };
  tableVersion: TableVersion;
  terms: UnitTerm[];
  notCounted: NotCountedHolding[];
  /** Σ q/Q. */
  S: number;
  /** Σ β q/Q. */
  betaSum: number;
  people: { count: number; from: 'unit' | 'enterprise' };
  alpha: CitedRow & { value: number; minPeople: number; maxPeople: number | null };
  /** α × Σ β q/Q. */
  R: number;
  isMajor: boolean;
  /** `singleSubstance`: one substance reaches its Q; `sum`: only S does. */
  identifiedBy: 'singleSubstance' | 'sum' | null;
  /** 1 (most severe) to 4 when a major hazard source; null otherwise. */
  level: MajorHazardLevel | null;
  levelRow: (CitedRow & { minR: number }) | null;
}

export interface EnterpriseGrading {
  tableVersion: TableVersion;
  units: UnitGrading[];
  isMajor: boolean;
  /** The most severe level of its units. */
  level: MajorHazardLevel | null;
  /** Positions of the units that have that level (empty when none is a major hazard source). */
  mostSevereUnits: number[];
}

export function cite(row: {
  id: string;
  source: TableSource;
  flags?: ValueFlag[] | undefined;
  change?: unknown;
}): CitedRow {
  return {
    id: row.id,
    source: row.source,
    flags: row.flags ?? [],
    changed: row.change !== undefined,
  };
}
