import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { ImportSheet } from '../../../../domain/rules/enterprise-import';
import { planEnterpriseImport } from '../../../../domain/rules/enterprise-import';
import type { SheetCell } from '../../../../domain/rules/sheet-columns';
import { enterpriseCells } from '../../../../domain/rules/enterprise-sheet';
import { unitSheetRows } from '../../../../domain/rules/enterprise-unit-sheet';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { MAX_UNITS } from '../../../../domain/schemas/enterprise';
import type { HazardUnit } from '../../../../domain/schemas/hazard-unit';
import {
  HEADINGS,
  UNIT_HEADINGS,
  creditCode,
  row,
  unitRow,
} from '../../../support/enterprise-sheets';
import { demo, importContext, townName } from './import-fixtures';

const fileOf = (
  rows: SheetCell[][],
  unitRows: SheetCell[][] | null,
  unitHeadings: SheetCell[] = UNIT_HEADINGS,
): ImportSheet => ({
  headings: HEADINGS,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  ...(unitRows
    ? {
        units: {
          headings: unitHeadings,
          rows: unitRows.map((cells, i) => ({ row: i + 2, cells })),
        },
      }
    : {}),
});

const base = demo.enterprises[0] as Enterprise;

const units: HazardUnit[] = [
  {
    kind: 'storageTankFarm',
    name: '一号罐区',
    position: { lat: 30.051, lon: 120.812 },
    peopleWithin500m: 40,
    holdings: [
      { name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 8 },
      {
        name: '二甲苯',
        cas: '1330-20-7',
        classes: [
          { class: 'flammableLiquid', category: '3' },
          { class: 'acuteToxicity', category: '4', route: 'dermal' },
        ],
        physicalState: 'liquid',
        maxQuantityT: 300,
      },
    ],
  },
  {
    kind: 'warehouse',
    name: '化肥库',
    holdings: [
      { name: '硝酸铵基化肥', table1RowId: 't1-45', classes: [], maxQuantityT: 1000 },
      { name: '硝化棉', cas: '9004-70-0', variant: 'solution', classes: [], maxQuantityT: 2 },
    ],
  },
  { kind: 'productionUnit', name: '合成车间', holdings: [] },
];

describe('the 装置单元 sheet', () => {
  it('reads back what it writes of an enterprise with several units: its row is unchanged', () => {
    const existing: Enterprise = { ...base, units };
    const cells = enterpriseCells(existing, { townName, creditCodeOf: () => undefined });
    const written = unitSheetRows(existing, defaultGb18218Table);
    expect(written).toHaveLength(5);
    expect(written[1]?.[UNIT_HEADINGS.indexOf('危险性类别')]).toBe(
      '易燃液体：类别3；急性毒性：类别4（经皮）',
    );
    expect(written[3]?.[UNIT_HEADINGS.indexOf('表1条目')]).toBe(
      '硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）',
    );
    const plan = planEnterpriseImport(fileOf([cells], written), importContext([existing]));
    expect(plan.fileProblems).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', problems: [] });
    expect(plan.ok).toBe(true);
  });

  it('creates an enterprise with its units from the sheet, grouped by name in first-seen order', () => {
    const plan = planEnterpriseImport(
      fileOf(
        [row({ 危险化学品: '' })],
        [
          unitRow({
            单元名称: '罐区',
            单元类型: '储罐区',
            化学品名称: '液氨',
            CAS号: '7664-41-7',
            '最大存量（吨）': 8,
          }),
          unitRow({ 单元名称: '车间', 单元类型: '生产单元', 单元周边500米内人数: 15 }),
          unitRow({
            单元名称: '罐区',
            化学品名称: '某溶剂',
            危险性类别: '易燃液体：类别2',
            '最大存量（吨）': '12.5',
          }),
        ],
      ),
      importContext([]),
    );
    expect(plan.ok).toBe(true);
    expect(plan.writes[0]?.content.units).toEqual([
      {
        kind: 'storageTankFarm',
        name: '罐区',
        holdings: [
          { name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 8 },
          {
            name: '某溶剂',
            classes: [{ class: 'flammableLiquid', category: '2' }],
            maxQuantityT: 12.5,
          },
        ],
      },
      { kind: 'productionUnit', name: '车间', peopleWithin500m: 15, holdings: [] },
    ]);
  });

  it('replaces an enterprise’s units with its rows; one without rows keeps the column’s one unit', () => {
    const existing: Enterprise = {
      ...base,
      creditCode: creditCode(1),
      name: '上虞新材料有限公司',
      units,
    };
    const plan = planEnterpriseImport(
      fileOf(
        [row({ 危险化学品: '' }), row({ 统一社会信用代码: creditCode(2), 企业名称: '另一家' })],
        [
          unitRow({
            单元名称: '新罐区',
            化学品名称: '液氯',
            CAS号: '7782-50-5',
            '最大存量（吨）': 5,
          }),
        ],
      ),
      importContext([existing]),
    );
    expect(plan.ok).toBe(true);
    expect(plan.writes[0]?.content.units).toEqual([
      {
        kind: 'other',
        name: '新罐区',
        holdings: [{ name: '液氯', cas: '7782-50-5', classes: [], maxQuantityT: 5 }],
      },
    ]);
    expect(plan.writes[0]?.changedFields).toContain('units');
    expect(plan.writes[1]?.content.units).toEqual(
      unitsFromChemicals([
        { name: '液氨', cas: '7664-41-7', maxQuantityT: 20 },
        { name: '甲醇', cas: '67-56-1', maxQuantityT: 100.5 },
      ]),
    );
  });

  it('names the sheet, row and column of every bad row, and plans no write at all', () => {
    const bad = [
      unitRow({ 单元名称: 'A', 化学品名称: 'x', 危险性类别: '易爆品：类别1', '最大存量（吨）': 1 }),
      unitRow({
        单元名称: 'A',
        化学品名称: 'x',
        危险性类别: '易燃液体：类别9',
        '最大存量（吨）': 1,
      }),
      unitRow({ 单元名称: 'A', 化学品名称: 'x', CAS号: '7664-41-8', '最大存量（吨）': 1 }),
      unitRow({ 单元名称: 'A', 化学品名称: 'x', CAS号: '7664-41-7', '最大存量（吨）': -3 }),
      unitRow({
        单元名称: 'A',
        化学品名称: 'x',
        危险性类别: '急性毒性：类别2（吸入）',
        '最大存量（吨）': 1,
      }),
      unitRow({ 单元名称: 'A', 化学品名称: 'x', '最大存量（吨）': 1 }),
      unitRow({ 单元名称: 'B', 单元类型: '装卸站' }),
      unitRow({ 单元名称: 'C', 单元类型: '库区' }),
      unitRow({ 单元名称: 'C', 单元类型: '储罐区' }),
      unitRow({ 单元名称: '', 化学品名称: 'x', CAS号: '7664-41-7' }),
      unitRow({
        单元名称: 'D',
        化学品名称: 'x',
        CAS号: '9004-70-0',
        表1条目: '硝酸铵基化肥',
        '最大存量（吨）': 1,
      }),
      unitRow({ 统一社会信用代码: creditCode(9), 单元名称: 'E' }),
    ];
    const plan = planEnterpriseImport(fileOf([row({})], bad), importContext([]));
    expect(plan.ok).toBe(false);
    expect(plan.writes).toEqual([]);
    const said = (p: { sheet?: string; row?: number; column: string | null; code: string }) =>
      `${String(p.sheet)} ${String(p.row)} ${String(p.column)} ${p.code}`;
    expect(plan.rows[0]?.problems.map(said)).toEqual([
      '装置单元 2 危险性类别 ghs.unknownClass',
      '装置单元 3 危险性类别 ghs.unknownCategory',
      '装置单元 4 CAS号 cas.checkDigit',
      '装置单元 5 最大存量（吨） number.range',
      '装置单元 6 物理状态 holding.physicalStateRequired',
      '装置单元 7 CAS号 holding.unidentified',
      '装置单元 8 单元类型 unitKind.unknown',
      '装置单元 11 单元名称 required',
      '装置单元 11 最大存量（吨） required',
      '装置单元 12 表1条目 table1.entryHasNoCas',
      '装置单元 10 单元类型 unit.disagrees',
    ]);
    expect(plan.fileProblems.map(said)).toEqual([
      '装置单元 13 统一社会信用代码 units.enterpriseNotInFile',
    ]);
  });

  it('imports nothing when a 装置单元 row belongs to no enterprise row, though every row is good', () => {
    const plan = planEnterpriseImport(
      fileOf(
        [row({ 危险化学品: '' })],
        [unitRow({ 统一社会信用代码: creditCode(8), 单元名称: '罐区' })],
      ),
      importContext([]),
    );
    expect(plan.rows[0]).toMatchObject({ action: 'create', problems: [] });
    expect(plan.fileProblems).toEqual([
      {
        sheet: '装置单元',
        row: 2,
        column: '统一社会信用代码',
        code: 'units.enterpriseNotInFile',
        params: { value: creditCode(8) },
      },
    ]);
    expect(plan.ok).toBe(false);
    expect(plan.writes).toEqual([]);
  });

  it(`refuses more than ${MAX_UNITS} units of one enterprise`, () => {
    const many = Array.from({ length: MAX_UNITS + 1 }, (_, i) => unitRow({ 单元名称: `单元${i}` }));
    const plan = planEnterpriseImport(fileOf([row({ 危险化学品: '' })], many), importContext([]));
    expect(plan.rows[0]?.problems).toEqual([
      expect.objectContaining({ row: MAX_UNITS + 2, code: 'units.tooMany' }),
    ]);
    const enough = planEnterpriseImport(
      fileOf([row({ 危险化学品: '' })], many.slice(1)),
      importContext([]),
    );
    expect(enough.ok).toBe(true);
  });

  it('refuses a 危险化学品 cell that says other chemicals than the enterprise’s rows', () => {
    const rows = [
      unitRow({ 单元名称: '罐区', 化学品名称: '液氯', CAS号: '7782-50-5', '最大存量（吨）': 5 }),
    ];
    const plan = planEnterpriseImport(fileOf([row({})], rows), importContext([]));
    expect(plan.rows[0]?.problems).toEqual([
      { column: '危险化学品', code: 'chemicals.notAsUnits' },
    ]);
    const asExported = planEnterpriseImport(
      fileOf([row({ 危险化学品: '液氯（7782-50-5，5吨）' })], rows),
      importContext([]),
    );
    expect(asExported.ok).toBe(true);
  });

  it('refuses rewriting a unit holding a mixture, which the sheet cannot say, unless unchanged', () => {
    const mixtureUnits: HazardUnit[] = [
      {
        kind: 'other',
        name: '调配间',
        holdings: [
          {
            name: '氨水',
            cas: '7664-41-7',
            classes: [{ class: 'skinCorrosion', category: '1B' }],
            mixture: { pureClasses: [{ class: 'flammableGas', category: '2' }] },
            maxQuantityT: 3,
          },
        ],
      },
    ];
    const existing: Enterprise = { ...base, units: mixtureUnits };
    const cells = enterpriseCells(existing, { townName, creditCodeOf: () => undefined });
    const written = unitSheetRows(existing, defaultGb18218Table);
    const same = planEnterpriseImport(fileOf([cells], written), importContext([existing]));
    expect(same.rows[0]).toMatchObject({ action: 'unchanged', problems: [] });
    const quantity = UNIT_HEADINGS.indexOf('最大存量（吨）');
    const changed = written.map((r) => r.map((c, i) => (i === quantity ? 4 : c)));
    const chemicals = HEADINGS.indexOf('危险化学品');
    const plan = planEnterpriseImport(
      fileOf([cells.map((c, i) => (i === chemicals ? '' : c))], changed),
      importContext([existing]),
    );
    expect(plan.rows[0]?.problems).toEqual([
      { sheet: '装置单元', row: 2, column: '单元名称', code: 'units.sheetCannotSay' },
    ]);
  });

  it('refuses a 装置单元 sheet without a required column, reading no row', () => {
    const headings = UNIT_HEADINGS.filter((h) => h !== '单元名称');
    const plan = planEnterpriseImport(fileOf([row({})], [], headings), importContext([]));
    expect(plan.fileProblems).toEqual([
      { sheet: '装置单元', column: '单元名称', code: 'column.missing' },
    ]);
    expect(plan.ok).toBe(false);
  });
});
