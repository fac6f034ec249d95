// The 装置单元 sheet read as a whole: its columns found by heading, every row read
// (enterprise-unit-sheet.ts), and the rows of each credit code grouped into that enterprise's units
// in the order the units first appear. A unit's kind, people and position may be given on any of
// its rows; rows that give different ones are refused rather than one of them chosen.
import type { Gb18218Table } from '../data/gb18218-table';
import type { HazardUnit } from '../schemas/hazard-unit';
import { MAX_UNITS } from '../schemas/enterprise';
import type { SheetCell, SheetProblem } from './sheet-columns';
import { isBlankRow, mapSheetColumns } from './sheet-columns';
import type { UnitColumnKey, UnitRow } from './enterprise-unit-sheet';
import { UNIT_COLUMNS, UNIT_SHEET, readUnitRow } from './enterprise-unit-sheet';

export const MAX_UNIT_HOLDINGS = 500;

export interface UnitSheet {
  headings: readonly SheetCell[];
  rows: readonly { row: number; cells: readonly SheetCell[] }[];
}

/** What the sheet says of one enterprise: its units, or the problems of its rows. */
export interface SheetUnits {
  /** The sheet's rows of this enterprise, in file order. */
  rows: number[];
  /** Null when any of its rows is bad. */
  units: HazardUnit[] | null;
  problems: SheetProblem[];
}

export interface ReadUnitSheet {
  /** Problems of the sheet as a whole (a missing or repeated column). */
  fileProblems: SheetProblem[];
  ignoredColumns: string[];
  /** By credit code as written (upper-cased); a row with no code is a file problem. */
  byCode: Map<string, SheetUnits>;
}

const heading = (key: UnitColumnKey) => UNIT_COLUMNS.find((c) => c.key === key)?.heading ?? key;

/** Groups one enterprise's rows into units, or names the rows that disagree. */
function groupUnits(rows: readonly UnitRow[], problems: SheetProblem[]): HazardUnit[] {
  const units = new Map<string, { unit: HazardUnit; firstRow: number; said: Set<string> }>();
  for (const r of rows) {
    let entry = units.get(r.unitName);
    if (!entry) {
      entry = {
        unit: { kind: 'other', name: r.unitName, holdings: [] },
        firstRow: r.row,
        said: new Set(),
      };
      units.set(r.unitName, entry);
    }
    const { unit, said } = entry;
    const agree = (key: UnitColumnKey, field: string, same: boolean, set: () => void) => {
      if (!said.has(field)) {
        said.add(field);
        set();
      } else if (!same) {
        problems.push({
          sheet: UNIT_SHEET,
          row: r.row,
          column: heading(key),
          code: 'unit.disagrees',
          params: { unit: r.unitName, first: entry?.firstRow ?? r.row },
        });
      }
    };
    if (r.kind !== undefined) {
      const kind = r.kind;
      agree('unitKind', 'kind', unit.kind === kind, () => (unit.kind = kind));
    }
    if (r.people !== undefined) {
      const people = r.people;
      agree('unitPeople', 'people', unit.peopleWithin500m === people, () => {
        unit.peopleWithin500m = people;
      });
    }
    if (r.position !== undefined) {
      const position = r.position;
      const same = unit.position?.lat === position.lat && unit.position.lon === position.lon;
      agree('unitLon', 'position', same, () => (unit.position = position));
    }
    if (r.holding) {
      if (unit.holdings.length >= MAX_UNIT_HOLDINGS) {
        problems.push({
          sheet: UNIT_SHEET,
          row: r.row,
          column: heading('holdingName'),
          code: 'unit.tooManyHoldings',
          params: { unit: r.unitName, max: MAX_UNIT_HOLDINGS },
        });
      } else unit.holdings.push(r.holding);
    }
  }
  const list = [...units.values()];
  const over = list[MAX_UNITS];
  if (over) {
    problems.push({
      sheet: UNIT_SHEET,
      row: over.firstRow,
      column: heading('unitName'),
      code: 'units.tooMany',
      params: { max: MAX_UNITS },
    });
  }
  return list.map((e) => e.unit);
}

/** Reads the 装置单元 sheet; writes nothing. */
export function readUnitSheet(sheet: UnitSheet, table: Gb18218Table): ReadUnitSheet {
  const { index, fileProblems, ignoredColumns } = mapSheetColumns(
    sheet.headings,
    UNIT_COLUMNS,
    UNIT_SHEET,
  );
  const byCode = new Map<string, SheetUnits>();
  if (fileProblems.length > 0) return { fileProblems, ignoredColumns, byCode };
  const rowsOf = new Map<string, UnitRow[]>();
  for (const { row, cells } of sheet.rows) {
    if (isBlankRow(cells)) continue;
    const byKey = new Map<UnitColumnKey, SheetCell>();
    for (const [key, i] of index) byKey.set(key, cells[i] ?? null);
    const { unitRow, problems } = readUnitRow(row, byKey, table);
    const code = String(byKey.get('creditCode') ?? '')
      .trim()
      .toUpperCase();
    if (code === '') {
      fileProblems.push(...problems);
      continue;
    }
    const entry = byCode.get(code) ?? { rows: [], units: null, problems: [] };
    byCode.set(code, entry);
    entry.rows.push(row);
    entry.problems.push(...problems);
    if (unitRow) rowsOf.set(code, [...(rowsOf.get(code) ?? []), unitRow]);
  }
  for (const [code, entry] of byCode) {
    const units = groupUnits(rowsOf.get(code) ?? [], entry.problems);
    if (entry.problems.length === 0) entry.units = units;
  }
  return { fileProblems, ignoredColumns, byCode };
}
