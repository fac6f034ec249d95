// An enterprise's units after an import whose 装置单元 sheet has its rows: the sheet's units, or the
// stored ones unchanged when the sheet says what an export of them says (so that an export
// imported again changes nothing, even where the sheet cannot say everything a holding holds).
import type { Gb18218Table } from '../data/gb18218-table';
import type { ChemicalHolding, Enterprise } from '../schemas/enterprise';
import type { HazardUnit } from '../schemas/hazard-unit';
import type { SheetProblem } from './sheet-columns';
import type { SheetUnits } from './enterprise-unit-rows';
import { readUnitSheet } from './enterprise-unit-rows';
import { UNIT_COLUMNS, UNIT_SHEET, unitSheetRows } from './enterprise-unit-sheet';
import { columnChemicals } from './enterprise-units';
import { sameValue } from './inspection-changes';

/** The units as the 装置单元 sheet says them: what an export of them reads back as. */
export function unitsAsSheetSays(
  e: { creditCode: string; units: readonly HazardUnit[] },
  table: Gb18218Table,
): HazardUnit[] | null {
  const rows = unitSheetRows(e, table).map((cells, i) => ({ row: i + 2, cells }));
  const read = readUnitSheet({ headings: UNIT_COLUMNS.map((c) => c.heading), rows }, table);
  if (e.units.length === 0) return [];
  return read.byCode.get(e.creditCode.toUpperCase())?.units ?? null;
}

/** Whether a holding holds more than the sheet has columns for (a mixture, process conditions). */
const beyondSheet = (units: readonly HazardUnit[]) =>
  units.some((u) => u.holdings.some((h) => h.mixture !== undefined || h.conditions !== undefined));

export function unitsFromSheet(
  r: {
    existing: Enterprise | undefined;
    sheetUnits: SheetUnits | undefined;
    problems: SheetProblem[];
  },
  chemicals: readonly ChemicalHolding[] | undefined,
  table: Gb18218Table,
): HazardUnit[] | null {
  const sheet = r.sheetUnits;
  if (!sheet) return null;
  r.problems.push(...sheet.problems);
  if (!sheet.units) return null;
  let units: HazardUnit[] = sheet.units;
  if (r.existing) {
    if (sameValue(unitsAsSheetSays(r.existing, table), units)) units = [...r.existing.units];
    else if (beyondSheet(r.existing.units)) {
      r.problems.push({
        sheet: UNIT_SHEET,
        row: sheet.rows[0] ?? 0,
        column: '单元名称',
        code: 'units.sheetCannotSay',
      });
      return null;
    }
  }
  // The 危险化学品 cell may stay as exported, or empty; anything else contradicts the sheet.
  if (chemicals !== undefined && chemicals.length > 0) {
    const said = columnChemicals({ units });
    const same =
      said.length === chemicals.length && said.every((c, i) => sameValue(c, chemicals[i]));
    if (!same) {
      r.problems.push({ column: '危险化学品', code: 'chemicals.notAsUnits' });
      return null;
    }
  }
  return units;
}
