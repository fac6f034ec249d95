// The import file's second worksheet, 装置单元: an enterprise's units as GB 18218 grades them, one
// row per holding (a unit without holdings is one row with the holding cells empty), keyed by the
// enterprise's credit code. Owns the sheet's columns and the words of each cell, writing a
// record's units as rows and reading one row back; grouping rows into units is
// enterprise-unit-rows.ts.
import type { GhsClass, GhsClassification, PhysicalState } from '../data/ghs-hazard-classes';
import { ghsClasses, isGhsCategory } from '../data/ghs-hazard-classes';
import {
  exposureRouteNames,
  ghsCategoryOf,
  ghsClassNames,
  ghsClassificationName,
  physicalStateNames,
} from '../data/ghs-class-names';
import type { Gb18218Table } from '../data/gb18218-table';
import { matchCasOf } from '../data/gb18218-table-checks';
import type { Table1Row } from '../data/gb18218-table-schema';
import type { HazardUnit, UnitHolding, UnitKind } from '../schemas/hazard-unit';
import { unitHoldingSchema } from '../schemas/hazard-unit';
import { checkCas } from './cas';
import type { SheetCell, SheetProblem } from './sheet-columns';
import { numberOf, textOf } from './sheet-columns';
import { indexOf } from './gb18218-index';

export const UNIT_SHEET = '装置单元';

export const unitColumnKeys = [
  'creditCode',
  'unitName',
  'unitKind',
  'unitPeople',
  'unitLon',
  'unitLat',
  'holdingName',
  'cas',
  'table1Entry',
  'classes',
  'physicalState',
  'boilingPointC',
  'quantity',
] as const;
export type UnitColumnKey = (typeof unitColumnKeys)[number];

export interface UnitColumn {
  key: UnitColumnKey;
  heading: string;
  aliases: readonly string[];
  /** A 装置单元 sheet without this column cannot be imported. */
  required: boolean;
  hint: string;
}

const col = (
  key: UnitColumnKey,
  heading: string,
  required: boolean,
  hint: string,
  aliases: readonly string[] = [],
): UnitColumn => ({ key, heading, aliases, required, hint });

export const UNIT_COLUMNS: readonly UnitColumn[] = [
  col('creditCode', '统一社会信用代码', true, '该企业在「企业名录」表中的信用代码', ['信用代码']),
  col('unitName', '单元名称', true, '同一企业同名的行属于同一单元', ['装置名称', '装置/单元名称']),
  col('unitKind', '单元类型', false, '生产单元、储罐区、库区 或 其他（空为其他）', ['装置类型']),
  col('unitPeople', '单元周边500米内人数', false, '整数；空则按企业的周边500米内人数', [
    '单元500米内人数',
  ]),
  col('unitLon', '单元经度', false, '十进制度；与单元纬度同填或同空'),
  col('unitLat', '单元纬度', false, '十进制度；与单元经度同填或同空'),
  col('holdingName', '化学品名称', true, '空表示该单元无危险化学品（此行其余化学品列须空）', [
    '品名',
    '危险化学品名称',
  ]),
  col('cas', 'CAS号', false, '表1物质填 CAS 号，如 7664-41-7', ['CAS']),
  col(
    'table1Entry',
    '表1条目',
    false,
    '表1中同一 CAS 分几行（硝化纤维素、硝酸铵）或无 CAS 的物质（如 硝酸铵基化肥），填表1的名称',
  ),
  col(
    'classes',
    '危险性类别',
    false,
    '不在表1中的化学品按安全技术说明书填写，如 易燃液体：类别2；急性毒性：类别3（吸入），多项以「；」分隔',
  ),
  col('physicalState', '物理状态', false, '气体、液体 或 固体；有急性毒性类别时必填'),
  col('boilingPointC', '沸点（℃）', false, '急性毒性（吸入）类别2、3 的液体必填'),
  col('quantity', '最大存量（吨）', true, '该单元内可能存在的最大量，吨', ['最大储量']),
];

const KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  productionUnit: '生产单元',
  storageTankFarm: '储罐区',
  warehouse: '库区',
  other: '其他',
};
const KIND_ALIASES: Readonly<Record<string, UnitKind>> = {
  生产单元: 'productionUnit',
  生产装置: 'productionUnit',
  装置: 'productionUnit',
  储罐区: 'storageTankFarm',
  罐区: 'storageTankFarm',
  库区: 'warehouse',
  仓库: 'warehouse',
  其他: 'other',
  单元: 'other',
};

const LIST_SEPARATOR = /[；;\n]+/u;

const classificationCell = (classes: readonly GhsClassification[]) =>
  classes.map((c) => ghsClassificationName(c, 'zh')).join('；');

/** The Table 1 row a holding names by variant or row id, for the 表1条目 cell. */
function entryName(h: UnitHolding, table: Gb18218Table): string {
  const index = indexOf(table);
  if (h.table1RowId !== undefined) return index.table1ById.get(h.table1RowId)?.nameZh ?? '';
  if (h.variant === undefined || h.cas === undefined) return '';
  const row = (index.table1ByCas.get(h.cas) ?? []).find((r) => r.variant === h.variant);
  return row?.nameZh ?? '';
}

/** The rows of an enterprise's units, in UNIT_COLUMNS order. */
export function unitSheetRows(
  e: { creditCode: string; units: readonly HazardUnit[] },
  table: Gb18218Table,
): SheetCell[][] {
  return e.units.flatMap((u) => {
    const unitCells: Record<UnitColumnKey, SheetCell> = {
      creditCode: e.creditCode,
      unitName: u.name,
      unitKind: KIND_LABELS[u.kind],
      unitPeople: u.peopleWithin500m ?? null,
      unitLon: u.position?.lon ?? null,
      unitLat: u.position?.lat ?? null,
      holdingName: null,
      cas: null,
      table1Entry: null,
      classes: null,
      physicalState: null,
      boilingPointC: null,
      quantity: null,
    };
    const holdings = u.holdings.map((h) => ({
      ...unitCells,
      holdingName: h.name,
      cas: h.cas ?? null,
      table1Entry: entryName(h, table) || null,
      classes: classificationCell(h.classes) || null,
      physicalState: h.physicalState ? physicalStateNames[h.physicalState].zh : null,
      boilingPointC: h.boilingPointC ?? null,
      quantity: h.maxQuantityT,
    }));
    return (holdings.length === 0 ? [unitCells] : holdings).map((cells) =>
      UNIT_COLUMNS.map((c) => cells[c.key]),
    );
  });
}

/** What one row of the sheet says: the unit it belongs to and the holding it adds, if any. */
export interface UnitRow {
  row: number;
  creditCode: string;
  unitName: string;
  /** Undefined where the cell is empty: another row of the unit may say it. */
  kind: UnitKind | undefined;
  people: number | undefined;
  position: { lat: number; lon: number } | undefined;
  holding: UnitHolding | null;
}

const CLASSIFICATION = /^(.+?)\s*[：:，,]\s*(.+?)\s*(?:[（(]\s*([^（）()]+?)\s*[）)])?$/u;

function classOf(text: string): GhsClass | undefined {
  const plain = text.replace(/\s+/gu, '');
  return ghsClasses.find(
    (c) =>
      c === plain ||
      ghsClassNames[c].zh === plain ||
      ghsClassNames[c].en.replace(/\s+/gu, '').toLowerCase() === plain.toLowerCase(),
  );
}

type Problem = (key: UnitColumnKey, code: string, params?: SheetProblem['params']) => void;

function readClasses(text: string, problem: Problem): GhsClassification[] | null {
  const classes: GhsClassification[] = [];
  let bad = false;
  for (const entry of text.split(LIST_SEPARATOR).map((s) => s.trim())) {
    if (entry === '') continue;
    const m = CLASSIFICATION.exec(entry);
    const cls = m ? classOf(m[1] ?? '') : undefined;
    if (!m || cls === undefined) {
      problem('classes', 'ghs.unknownClass', { value: entry });
      bad = true;
      continue;
    }
    const category = ghsCategoryOf(cls, m[2] ?? '');
    if (category === undefined || !isGhsCategory(cls, category)) {
      problem('classes', 'ghs.unknownCategory', { value: entry });
      bad = true;
      continue;
    }
    const routeText = (m[3] ?? '').trim();
    const route = (Object.keys(exposureRouteNames) as (keyof typeof exposureRouteNames)[]).find(
      (r) => r === routeText || exposureRouteNames[r].zh === routeText,
    );
    if ((cls === 'acuteToxicity') !== (route !== undefined)) {
      problem('classes', 'ghs.route', { value: entry });
      bad = true;
      continue;
    }
    classes.push({ class: cls, category, ...(route ? { route } : {}) });
  }
  return bad ? null : classes;
}

/** The Table 1 row an 表1条目 cell names: by its Chinese name, an alias, or its variant key. */
function table1Entry(text: string, table: Gb18218Table): Table1Row | undefined {
  return table.table1.find(
    (r) => r.nameZh === text || (r.aliasesZh ?? []).includes(text) || r.variant === text,
  );
}

const FIELD_COLUMN: Readonly<Record<string, UnitColumnKey>> = {
  name: 'holdingName',
  classes: 'classes',
  physicalState: 'physicalState',
  boilingPoint: 'boilingPointC',
  boilingPointC: 'boilingPointC',
  maxQuantityT: 'quantity',
  cas: 'cas',
};

function readHolding(
  cell: (key: UnitColumnKey) => SheetCell | undefined,
  table: Gb18218Table,
  problem: Problem,
): UnitHolding | null {
  const text = (key: UnitColumnKey) => textOf(cell(key));
  let bad = false;
  const fail: Problem = (key, code, params) => {
    bad = true;
    problem(key, code, params);
  };
  const name = text('holdingName');
  const holding: Partial<UnitHolding> & { name: string; classes: GhsClassification[] } = {
    name,
    classes: [],
  };
  const casText = text('cas');
  if (casText !== '') {
    const cas = checkCas(casText);
    if (cas.ok) holding.cas = cas.cas;
    else fail('cas', `cas.${cas.problem}`, { value: casText, name });
  }
  const entryText = text('table1Entry');
  if (entryText !== '') {
    const row = table1Entry(entryText, table);
    if (!row) fail('table1Entry', 'table1.unknownEntry', { value: entryText });
    else if (row.cas === null) {
      if (casText !== '') fail('table1Entry', 'table1.entryHasNoCas', { value: entryText });
      holding.table1RowId = row.id;
    } else if (holding.cas !== undefined && !matchCasOf(row).includes(holding.cas)) {
      fail('table1Entry', 'table1.entryNotForCas', { value: entryText, cas: holding.cas });
    } else {
      holding.cas ??= row.cas;
      if (row.variant !== undefined) holding.variant = row.variant;
    }
  }
  const classes = readClasses(text('classes'), fail);
  if (classes) holding.classes = classes;
  const stateText = text('physicalState');
  if (stateText !== '') {
    const state = (Object.keys(physicalStateNames) as PhysicalState[]).find(
      (s) => s === stateText || physicalStateNames[s].zh === stateText,
    );
    if (state) holding.physicalState = state;
    else fail('physicalState', 'physicalState.unknown', { value: stateText });
  }
  if (text('boilingPointC') !== '') {
    const bp = numberOf(cell('boilingPointC'));
    if (bp === null) fail('boilingPointC', 'number.invalid', { value: text('boilingPointC') });
    else holding.boilingPointC = bp;
  }
  const quantity = numberOf(cell('quantity'));
  if (quantity === null) {
    const value = text('quantity');
    fail('quantity', value === '' ? 'required' : 'number.invalid', { value });
  } else if (quantity < 0 || quantity > 1e7) {
    fail('quantity', 'number.range', { value: text('quantity'), min: 0, max: 1e7 });
  } else holding.maxQuantityT = quantity;
  if (bad) return null;
  const parsed = unitHoldingSchema.safeParse(holding);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    // An unnamed holding is missing its CAS (or its classes): the CAS column is where to look.
    const key = issue.message === 'holding.unidentified' ? 'cas' : FIELD_COLUMN[field];
    problem(key ?? 'holdingName', issue.message, { value: name });
  }
  return null;
}

const HOLDING_KEYS = [
  'holdingName',
  'cas',
  'table1Entry',
  'classes',
  'physicalState',
  'boilingPointC',
  'quantity',
] as const satisfies readonly UnitColumnKey[];

/**
 * Reads one row (cells by column key; absent columns undefined). The credit code is returned as
 * written, upper-cased, for the caller to match against the 企业名录 sheet.
 */
export function readUnitRow(
  row: number,
  cells: ReadonlyMap<UnitColumnKey, SheetCell>,
  table: Gb18218Table,
): { unitRow: UnitRow | null; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const heading = (key: UnitColumnKey) => UNIT_COLUMNS.find((c) => c.key === key)?.heading ?? key;
  const problem: Problem = (key, code, params) =>
    problems.push({
      sheet: UNIT_SHEET,
      row,
      column: heading(key),
      code,
      ...(params ? { params } : {}),
    });
  const text = (key: UnitColumnKey) => textOf(cells.get(key));

  const creditCode = text('creditCode').toUpperCase();
  if (creditCode === '') problem('creditCode', 'required');
  const unitName = text('unitName');
  if (unitName === '') problem('unitName', 'required');
  else if (unitName.length > 100) problem('unitName', 'tooLong');
  const kindText = text('unitKind');
  const kind = kindText === '' ? undefined : KIND_ALIASES[kindText];
  if (kindText !== '' && kind === undefined)
    problem('unitKind', 'unitKind.unknown', { value: kindText });
  let people: number | undefined;
  if (text('unitPeople') !== '') {
    const n = numberOf(cells.get('unitPeople'));
    if (n === null || !Number.isInteger(n) || n < 0 || n > 10_000_000) {
      problem('unitPeople', 'number.count', { value: text('unitPeople') });
    } else people = n;
  }
  let position: UnitRow['position'];
  const [lonText, latText] = [text('unitLon'), text('unitLat')];
  if ((lonText === '') !== (latText === ''))
    problem(lonText === '' ? 'unitLon' : 'unitLat', 'unit.positionHalf');
  else if (lonText !== '') {
    const lon = numberOf(cells.get('unitLon'));
    const lat = numberOf(cells.get('unitLat'));
    if (lon === null || lon < -180 || lon > 180) {
      problem('unitLon', 'number.range', { value: lonText, min: -180, max: 180 });
    } else if (lat === null || lat < -90 || lat > 90) {
      problem('unitLat', 'number.range', { value: latText, min: -90, max: 90 });
    } else position = { lat, lon };
  }
  const holdingGiven = HOLDING_KEYS.some((k) => text(k) !== '');
  let holding: UnitHolding | null = null;
  if (holdingGiven) {
    if (text('holdingName') === '') problem('holdingName', 'required');
    else if (text('holdingName').length > 100) problem('holdingName', 'tooLong');
    else holding = readHolding((k) => cells.get(k), table, problem);
  }
  if (problems.length > 0) return { unitRow: null, problems };
  return { unitRow: { row, creditCode, unitName, kind, people, position, holding }, problems };
}
