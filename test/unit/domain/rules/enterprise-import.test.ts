import { describe, expect, it } from 'vitest';
import { planEnterpriseImport } from '../../../../domain/rules/enterprise-import';
import type { SheetCell } from '../../../../domain/rules/sheet-columns';
import { enterpriseCells } from '../../../../domain/rules/enterprise-sheet';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { HEADINGS, badCheckCode, creditCode, row } from '../../../support/enterprise-sheets';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';
import { demo, importContext, townName } from './import-fixtures';

function cellsOf(enterprises: Enterprise[]): SheetCell[][] {
  const codes = new Map(enterprises.map((e) => [e.id, e.creditCode]));
  return enterprises.map((e) =>
    enterpriseCells(e, { townName, creditCodeOf: (id) => codes.get(id) }),
  );
}

const sheet = (rows: SheetCell[][], headings: SheetCell[] = HEADINGS) => ({
  headings,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('planEnterpriseImport', () => {
  it('reads back every field of every demo enterprise exported, each row unchanged', () => {
    // A closed one and a merged one too, so that the closure columns round-trip.
    const [first, second, ...rest] = demo.enterprises as [Enterprise, Enterprise, ...Enterprise[]];
    const registry: Enterprise[] = [
      { ...first, closure: { kind: 'merged', date: '2024-03-01', mergedIntoId: second.id } },
      { ...second, closure: { kind: 'shutdown', date: '2023-12-31' } },
      ...rest,
    ];
    const plan = planEnterpriseImport(sheet(cellsOf(registry)), importContext(registry));
    expect(plan.fileProblems).toEqual([]);
    expect(plan.rows.filter((r) => r.action !== 'unchanged')).toEqual([]);
    expect(plan.counts).toMatchObject({ rows: registry.length, unchanged: registry.length });
    expect(plan.writes).toEqual([]);
    expect(plan.ok).toBe(true);
  });

  it('plans a new enterprise with every field read from its cells', () => {
    const plan = planEnterpriseImport(sheet([row({})]), importContext([]));
    expect(plan.rows[0]).toMatchObject({ row: 2, action: 'create', problems: [] });
    expect(plan.writes[0]?.content).toEqual({
      name: '上虞新材料有限公司',
      creditCode: creditCode(1),
      address: '道墟街道工业园 1 号',
      town: '330604004',
      lat: 30.05,
      lon: 120.81,
      industry: '精细化工',
      contacts: [
        { name: '王明', title: '安全主管', phone: '13800000001' },
        { name: '李华', title: '', phone: '0575-82000000' },
      ],
      units: unitsFromChemicals([
        { name: '液氨', cas: '7664-41-7', maxQuantityT: 20 },
        { name: '甲醇', cas: '67-56-1', maxQuantityT: 100.5 },
      ]),
      peopleWithin500m: 120,
      track: 'cluster_upgrade',
      trackMilestones: [
        { title: '完成搬迁', due: '2020-12-31', doneAt: '2020-11-30T08:00:00.000+08:00' },
        { title: '验收', due: '2021-06-30', doneAt: null },
      ],
      closure: null,
    });
  });

  it('lists every bad row with its row number and why, and plans no write at all', () => {
    const existing = demo.enterprises[0] as Enterprise;
    const badCheck = badCheckCode(2);
    const rows = [
      row({ 统一社会信用代码: badCheck, 企业名称: 'A' }),
      row({ 统一社会信用代码: creditCode(3), 企业名称: 'B', '所属乡镇/街道': '梁湖镇' }),
      row({
        统一社会信用代码: creditCode(4),
        企业名称: 'C',
        危险化学品: '液氨（7664-41-8，20吨）',
      }),
      row({ 统一社会信用代码: creditCode(5), 企业名称: 'D', 经度: '一百二十' }),
      row({ 统一社会信用代码: creditCode(6), 企业名称: 'E' }),
      row({ 统一社会信用代码: creditCode(6), 企业名称: 'F' }),
      row({ 统一社会信用代码: existing.creditCode, 企业名称: '另一家公司' }),
      row({ 统一社会信用代码: creditCode(7), 企业名称: 'G' }),
    ];
    const plan = planEnterpriseImport(sheet(rows), importContext([existing]));
    const codes = plan.rows.map((r) => [r.row, r.problems.map((p) => p.code)]);
    expect(codes).toEqual([
      [2, ['creditCode.checkCharacter']],
      [3, ['town.unknown']],
      [4, ['cas.checkDigit']],
      [5, ['number.invalid']],
      [6, ['creditCode.duplicateInFile']],
      [7, ['creditCode.duplicateInFile']],
      [8, ['conflict.otherName']],
      [9, []],
    ]);
    expect(plan.rows[0]?.problems[0]).toMatchObject({
      column: '统一社会信用代码',
      params: { value: badCheck, expected: creditCode(2).slice(-1) },
    });
    expect(plan.rows[4]?.problems[0]?.params).toMatchObject({ rows: '7' });
    expect(plan.rows[6]?.problems[0]?.params).toEqual({
      creditCode: existing.creditCode,
      registered: existing.name,
      file: '另一家公司',
    });
    expect(plan.rows[7]?.action).toBe('create');
    expect(plan.counts).toMatchObject({ rows: 8, create: 1, invalid: 7 });
    expect(plan.ok).toBe(false);
  });

  it('names each malformed cell', () => {
    const rows = [
      row({ 统一社会信用代码: '' }),
      row({ 统一社会信用代码: creditCode(10), 纬度: 95 }),
      row({ 统一社会信用代码: creditCode(11), 周边500米内人数: '约100' }),
      row({ 统一社会信用代码: creditCode(12), 联系电话: '13800000001' }),
      row({ 统一社会信用代码: creditCode(13), 危险化学品: '液氨 7664-41-7' }),
      row({ 统一社会信用代码: creditCode(14), 整治提升类别: '搬迁' }),
      row({ 统一社会信用代码: creditCode(15), 经营状态: '兼并', '关停/兼并日期': '2024-01-01' }),
      row({
        统一社会信用代码: creditCode(16),
        经营状态: '兼并',
        '关停/兼并日期': '2024-01-01',
        并入企业统一社会信用代码: creditCode(99),
      }),
      row({ 统一社会信用代码: creditCode(17), 联系电话: 'call me；13800000002' }),
      row({ 统一社会信用代码: creditCode(18), 企业名称: '上虞新材料有限公司二', IGNORED: 'x' }),
    ];
    const plan = planEnterpriseImport(sheet(rows), importContext([]));
    expect(plan.rows.map((r) => r.problems.map((p) => `${String(p.column)} ${p.code}`))).toEqual([
      ['统一社会信用代码 required'],
      ['纬度 number.range'],
      ['周边500米内人数 number.count'],
      ['联系电话 contacts.phoneCount'],
      ['危险化学品 chemical.format'],
      ['整治提升类别 track.unknown'],
      ['并入企业统一社会信用代码 closure.targetRequired'],
      ['并入企业统一社会信用代码 closure.targetUnknown'],
      ['联系电话 phone.invalid'],
      [],
    ]);
  });

  it('refuses a name registered under another credit code (most likely a mistyped code)', () => {
    const existing = demo.enterprises[0] as Enterprise;
    const plan = planEnterpriseImport(
      sheet([row({ 统一社会信用代码: creditCode(20), 企业名称: existing.name })]),
      importContext([existing]),
    );
    expect(plan.rows[0]?.problems).toEqual([
      {
        column: '统一社会信用代码',
        code: 'conflict.nameTaken',
        params: { name: existing.name, registered: existing.creditCode, file: creditCode(20) },
      },
    ]);
  });

  it('keeps an enterprise’s units when its row lists what they export, and refuses to merge them', () => {
    const base = demo.enterprises[0] as Enterprise;
    const unit = (name: string, cas: string, t: number) => ({
      kind: 'storageTankFarm' as const,
      name,
      holdings: [{ name, cas, classes: [], maxQuantityT: t }],
    });
    const existing: Enterprise = {
      ...base,
      units: [unit('液氨', '7664-41-7', 20), unit('甲醇', '67-56-1', 100)],
    };
    const [cells] = cellsOf([existing]) as [SheetCell[]];
    const column = HEADINGS.indexOf('危险化学品');
    expect(cells[column]).toBe('液氨（7664-41-7，20吨）；甲醇（67-56-1，100吨）');
    const same = planEnterpriseImport(sheet([cells]), importContext([existing]));
    expect(same.rows[0]).toMatchObject({ action: 'unchanged', problems: [] });

    const fewer = cells.map((c, i) => (i === column ? '液氨（7664-41-7，30吨）' : c));
    const merged = planEnterpriseImport(sheet([fewer]), importContext([existing]));
    expect(merged.ok).toBe(false);
    expect(merged.writes).toEqual([]);
    expect(merged.rows[0]?.problems).toEqual([
      { column: '危险化学品', code: 'chemicals.unitsOnForm', params: { units: 2 } },
    ]);
  });

  it('updates by credit code, naming the changed fields, and keeps fields of absent columns', () => {
    const existing = demo.enterprises[0] as Enterprise;
    const [cells] = cellsOf([existing]) as [SheetCell[]];
    const kept = [
      '统一社会信用代码',
      '企业名称',
      '所属乡镇/街道',
      '地址',
      '行业',
      '经度',
      '纬度',
      '周边500米内人数',
      '整治提升类别',
    ];
    const headings = kept;
    const picked = kept.map((h) =>
      h === '周边500米内人数' ? 999 : (cells[HEADINGS.indexOf(h)] ?? null),
    );
    const plan = planEnterpriseImport(sheet([picked], headings), importContext([existing]));
    expect(plan.rows[0]).toMatchObject({ action: 'update', changedFields: ['peopleWithin500m'] });
    expect(plan.writes[0]?.content).toMatchObject({
      contacts: existing.contacts,
      units: existing.units,
      trackMilestones: existing.trackMilestones,
      peopleWithin500m: 999,
    });
  });

  it('resolves a merger into an enterprise created by the same file', () => {
    const rows = [
      row({
        统一社会信用代码: creditCode(30),
        企业名称: 'H',
        经营状态: '兼并',
        '关停/兼并日期': '2025-01-01',
        并入企业统一社会信用代码: creditCode(31),
      }),
      row({ 统一社会信用代码: creditCode(31), 企业名称: 'I' }),
    ];
    const plan = planEnterpriseImport(sheet(rows), importContext([]));
    expect(plan.ok).toBe(true);
    const [h, i] = plan.writes;
    expect(h?.content.closure).toEqual({ kind: 'merged', date: '2025-01-01', mergedIntoId: i?.id });
  });

  it('refuses a file without a required column or with one twice, reading no row', () => {
    const missing = planEnterpriseImport(
      sheet(
        [row({})],
        HEADINGS.filter((h) => h !== '经度'),
      ),
      importContext([]),
    );
    expect(missing.fileProblems).toEqual([{ column: '经度', code: 'column.missing' }]);
    expect(missing.rows).toEqual([]);
    const twice = planEnterpriseImport(
      sheet([row({})], [...HEADINGS, '信用代码']),
      importContext([]),
    );
    expect(twice.fileProblems).toEqual([{ column: '信用代码', code: 'column.repeated' }]);
    expect(twice.ok).toBe(false);
  });

  it('knows headings as bureaus write them and leaves unknown columns alone', () => {
    const headings = HEADINGS.map((h) =>
      h === '所属乡镇/街道'
        ? '所属乡镇（街道）'
        : h === '危险化学品'
          ? '危险化学品（名称、CAS号、最大储量）'
          : h,
    );
    const plan = planEnterpriseImport(
      sheet([[...row({}), '1']], [...headings, '序号']),
      importContext([]),
    );
    expect(plan.ok).toBe(true);
    expect(plan.ignoredColumns).toEqual(['序号']);
  });
});
