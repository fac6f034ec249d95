// The registry written in the import's own format (.xlsx or .csv), so that an export imported
// again changes nothing, and the empty template workbook bureaus fill in.
import { ENTERPRISE_COLUMNS, enterpriseCells } from '../../../domain/rules/enterprise-sheet';
import type { SheetCell } from '../../../domain/rules/enterprise-sheet';
import type { Queryable } from '../db/database';
import { districtTowns } from './district-towns';
import { REGISTRY_SHEET } from './enterprise-import';
import { loadRegistry } from './enterprise-registry';
import { formatCsv } from './sheet-csv';
import type { SheetSpec } from './sheet-workbook';
import { writeWorkbook } from './sheet-workbook';

const HEADINGS = ENTERPRISE_COLUMNS.map((c) => c.heading);
const NUMERIC = new Set(
  ENTERPRISE_COLUMNS.flatMap((c, i) =>
    ['lon', 'lat', 'peopleWithin500m'].includes(c.key) ? [i] : [],
  ),
);

/** The template's second sheet: what goes into each column, and whether it must be there. */
const GUIDE: SheetSpec = {
  name: '填写说明',
  headings: ['列名', '是否必有此列', '填写说明'],
  numeric: new Set(),
  rows: ENTERPRISE_COLUMNS.map((c) => [c.heading, c.required ? '是' : '否', c.hint]),
};

export async function registryRows(db: Queryable): Promise<SheetCell[][]> {
  const [registry, towns] = await Promise.all([loadRegistry(db), districtTowns(db)]);
  const live = registry.filter((e) => e.deletedAt === null);
  const codes = new Map(registry.map((e) => [e.id, e.creditCode]));
  return live.map((e) =>
    enterpriseCells(e, { townName: towns.nameOf, creditCodeOf: (id) => codes.get(id) }),
  );
}

export async function exportRegistry(db: Queryable, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  const rows = await registryRows(db);
  if (format === 'csv') return formatCsv([HEADINGS, ...rows]);
  return writeWorkbook([{ name: REGISTRY_SHEET, headings: HEADINGS, numeric: NUMERIC, rows }]);
}

export function templateWorkbook(): Promise<Uint8Array> {
  return writeWorkbook([
    { name: REGISTRY_SHEET, headings: HEADINGS, numeric: NUMERIC, rows: [] },
    GUIDE,
  ]);
}
