// Lookups over one edition of the GB 18218-2018 table (Table 1 by CAS and id, Table 3 by id and
// CAS, Table 4 by code), built once per table object, and the α and level bands.
import type { Gb18218Table } from '../data/gb18218-table';
import { matchCasOf } from '../data/gb18218-table-checks';
import type {
  AlphaRow,
  LevelRow,
  Table1Row,
  Table2Row,
  Table3Row,
  Table4Row,
} from '../data/gb18218-table-schema';

export type MajorHazardLevel = 1 | 2 | 3 | 4;

export interface TableIndex {
  table: Gb18218Table;
  table1ByCas: Map<string, Table1Row[]>;
  table1ById: Map<string, Table1Row>;
  table2ByCode: Map<string, Table2Row>;
  table3ById: Map<string, Table3Row>;
  table3ByCas: Map<string, Table3Row>;
  table4ByCode: Map<string, Table4Row>;
  /** Highest band first. */
  alpha: AlphaRow[];
  /** Level 1 first. */
  levels: LevelRow[];
}

const indexes = new WeakMap<Gb18218Table, TableIndex>();

export function indexOf(table: Gb18218Table): TableIndex {
  const cached = indexes.get(table);
  if (cached) return cached;
  const table1ByCas = new Map<string, Table1Row[]>();
  for (const row of table.table1) {
    for (const cas of matchCasOf(row)) table1ByCas.set(cas, [...(table1ByCas.get(cas) ?? []), row]);
  }
  const index: TableIndex = {
    table,
    table1ByCas,
    table1ById: new Map(table.table1.map((r) => [r.id, r])),
    table2ByCode: new Map(table.table2.map((r) => [r.code, r])),
    table3ById: new Map(table.table3.map((r) => [r.id, r])),
    table3ByCas: new Map(table.table3.map((r) => [r.cas, r])),
    table4ByCode: new Map(table.table4.map((r) => [r.code, r])),
    alpha: [...table.alpha].sort((a, b) => b.minPeople - a.minPeople),
    levels: [...table.levels].sort((a, b) => a.level - b.level),
  };
  indexes.set(table, index);
  return index;
}

/** The Table 4 row of a code; the table schema guarantees every code used has one. */
export function table4Row(index: TableIndex, code: string): Table4Row {
  const row = index.table4ByCode.get(code);
  if (!row) throw new RangeError(`the table has no Table 4 β for ${code}`);
  return row;
}

// Sums like 0.7 + 0.2 + 0.1 land a hair under 1 in binary floating point; an inspector doing the
// sum by hand gets exactly 1, so thresholds are compared with a tolerance far below any real
// quantity's precision.
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - 1e-9 * Math.max(1, Math.abs(threshold));
}

export function alphaRowFor(peopleWithin500m: number, index: TableIndex): AlphaRow {
  if (!Number.isFinite(peopleWithin500m) || peopleWithin500m < 0) {
    throw new RangeError(`peopleWithin500m must be a non-negative number: ${peopleWithin500m}`);
  }
  // Bands are sorted by minPeople, highest first; the table schema guarantees one starts at 0.
  const band = index.alpha.find((b) => b.minPeople <= peopleWithin500m);
  if (!band) throw new RangeError('the α table has no band starting at 0 people');
  return band;
}

export function levelRowFor(R: number, index: TableIndex): LevelRow {
  const found = index.levels.find((l) => atLeast(R, l.minR));
  return found ?? (index.levels[index.levels.length - 1] as LevelRow);
}
