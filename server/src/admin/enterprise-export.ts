// The registry written in the import's own format (.xlsx or .csv), so that an export imported
// again changes nothing, and the empty template workbook bureaus fill in.
import { ENTERPRISE_COLUMNS, enterpriseCells } from '../../../domain/rules/enterprise-sheet';
import {
  UNIT_COLUMNS,
  UNIT_SHEET,
  unitSheetRows,
} from '../../../domain/rules/enterprise-unit-sheet';
import type { SheetCell } from '../../../domain/rules/sheet-columns';
import type { Queryable } from '../db/database';
import { currentGb18218Table } from '../reference/gb18218-editions';
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

const UNIT_HEADINGS = UNIT_COLUMNS.map((c) => c.heading);
const UNIT_NUMERIC = new Set(
  UNIT_COLUMNS.flatMap((c, i) =>
    ['unitPeople', 'unitLon', 'unitLat', 'boilingPointC', 'quantity'].includes(c.key) ? [i] : [],
  ),
);

/**
 * The template's guide sheet: what goes into each column of both sheets, whether it must be there,
 * and how the 装置单元 sheet and the 危险化学品 column go together.
 */
const GUIDE: SheetSpec = {
  name: '填写说明',
  headings: ['工作表', '列名', '是否必有此列', '填写说明'],
  numeric: new Set(),
  rows: [
    ...ENTERPRISE_COLUMNS.map((c) => [REGISTRY_SHEET, c.heading, c.required ? '是' : '否', c.hint]),
    ...UNIT_COLUMNS.map((c) => [UNIT_SHEET, c.heading, c.required ? '是' : '否', c.hint]),
    [
      UNIT_SHEET,
      '',
      '',
      '每行一种危险化学品。某企业在本表有行时，其全部单元按本表导入并取代原有单元，「危险化学品」列留空或与本表一致；在本表没有行的企业仍按「危险化学品」列作为一个单元导入。本表的信用代码须在「企业名录」表中有行。CSV 文件只有「企业名录」一张表。',
    ],
  ],
};

export async function registryRows(db: Queryable): Promise<SheetCell[][]> {
  const [registry, towns] = await Promise.all([loadRegistry(db), districtTowns(db)]);
  const live = registry.filter((e) => e.deletedAt === null);
  const codes = new Map(registry.map((e) => [e.id, e.creditCode]));
  return live.map((e) =>
    enterpriseCells(e, { townName: towns.nameOf, creditCodeOf: (id) => codes.get(id) }),
  );
}

/** Every unit of every enterprise the export lists, one row per holding. */
async function registryUnitRows(db: Queryable): Promise<SheetCell[][]> {
  const registry = await loadRegistry(db);
  // Table 1 entries are named as the edition in force names them, as the import reads them.
  const table = await currentGb18218Table(db);
  return registry.filter((e) => e.deletedAt === null).flatMap((e) => unitSheetRows(e, table));
}

export async function exportRegistry(db: Queryable, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  const rows = await registryRows(db);
  if (format === 'csv') return formatCsv([HEADINGS, ...rows]);
  return writeWorkbook([
    { name: REGISTRY_SHEET, headings: HEADINGS, numeric: NUMERIC, rows },
    {
      name: UNIT_SHEET,
      headings: UNIT_HEADINGS,
      numeric: UNIT_NUMERIC,
      rows: await registryUnitRows(db),
    },
  ]);
}

export function templateWorkbook(): Promise<Uint8Array> {
  return writeWorkbook([
    { name: REGISTRY_SHEET, headings: HEADINGS, numeric: NUMERIC, rows: [] },
    { name: UNIT_SHEET, headings: UNIT_HEADINGS, numeric: UNIT_NUMERIC, rows: [] },
    GUIDE,
  ]);
}
