// The row editor's values and the rows they stand for, both ways.
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../../../domain/data/gb18218-table';
import {
  fieldOfPath,
  newTable1RowId,
  table1RowFrom,
  table1Values,
  table2RowFrom,
  table2Values,
  withRow,
} from '../../../../../../renderer/src/features/administration/gb18218/row-editor-values';

const change = {
  by: '01900000-0000-7000-8000-00000000a001',
  at: '2026-12-05T09:00:00.000Z',
  reason: 'x',
};
const row1 = (id: string) => {
  const row = defaultGb18218Table.table1.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe('the Table 1 row editor', () => {
  it('gives back the row it was filled from, with the source note making it the administrator’s', () => {
    const ammonia = row1('t1-1');
    const values = table1Values(ammonia);
    expect(values).toMatchObject({
      nameZh: '氨',
      aliasesZh: '液氨、氨气',
      cas: '7664-41-7',
      Q: '10',
      betaRule: 'table3',
      betaGas: 't3-nh3',
      reference: '',
    });
    const same = table1RowFrom(values, ammonia, ammonia.id, change);
    expect(same.success && same.data).toEqual({ ...ammonia, change });
    const corrected = table1RowFrom(
      { ...values, Q: '12.5', reference: '正式文本第 3 页' },
      ammonia,
      ammonia.id,
      change,
    );
    expect(corrected.success && corrected.data).toMatchObject({
      Q: 12.5,
      source: { kind: 'administrator', reference: '正式文本第 3 页' },
    });
  });

  it('makes a new row from the form: aliases split, no CAS as null, its β by Table 4 class', () => {
    const values = {
      ...table1Values(undefined),
      nameZh: '测试物质',
      nameEn: 'test substance',
      aliasesZh: '甲， 乙、丙',
      cas: '',
      Q: '50',
      betaRule: 'table4' as const,
      betaCode: 'W5.1',
      basisZh: '易燃液体类别1',
      basisEn: 'flammable liquid category 1',
      reference: '地方标准',
    };
    const id = newTable1RowId(defaultGb18218Table);
    const made = table1RowFrom(values, undefined, id, change);
    expect(made.success && made.data).toEqual({
      id,
      source: { kind: 'administrator', reference: '地方标准' },
      change,
      nameZh: '测试物质',
      aliasesZh: ['甲', '乙', '丙'],
      nameEn: 'test substance',
      cas: null,
      Q: 50,
      beta: {
        rule: 'table4',
        code: 'W5.1',
        basisZh: '易燃液体类别1',
        basisEn: 'flammable liquid category 1',
      },
    });
    expect(defaultGb18218Table.table1.some((r) => r.id === id)).toBe(false);
    const table = withRow(defaultGb18218Table, 'table1', made.success ? made.data : row1('t1-1'));
    expect(table.table1).toHaveLength(defaultGb18218Table.table1.length + 1);
    expect(newTable1RowId(table)).not.toBe(id);
  });

  it('refuses a quantity that is not a positive number and a new row without a source, at their fields', () => {
    const values = { ...table1Values(row1('t1-1')), Q: '十吨' };
    const bad = table1RowFrom(values, row1('t1-1'), 't1-1', change);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => fieldOfPath(i.path))).toEqual(['Q']);
    const unsourced = table1RowFrom(
      {
        ...table1Values(undefined),
        nameZh: '甲',
        nameEn: 'a',
        Q: '1',
        betaRule: 'unclassified',
        basisZh: '无',
        basisEn: 'none',
      },
      undefined,
      't1-a1',
      change,
    );
    expect(unsourced.error?.issues.map((i) => fieldOfPath(i.path))).toEqual(['reference']);
  });

  it('keeps the row’s notes of unchecked values unless they are cleared', () => {
    const flagged = row1('t1-2');
    expect(flagged.flags?.length).toBeGreaterThan(0);
    const kept = table1RowFrom(table1Values(flagged), flagged, flagged.id, change);
    expect(kept.success && kept.data.flags).toEqual(flagged.flags);
    const cleared = table1RowFrom(
      { ...table1Values(flagged), clearFlags: true },
      flagged,
      flagged.id,
      change,
    );
    expect(cleared.success && cleared.data.flags).toBeUndefined();
  });
});

describe('the Table 2 row editor', () => {
  it('changes only the names, critical quantity and source of the row', () => {
    const j1 = defaultGb18218Table.table2[0];
    if (!j1) throw new Error('no Table 2');
    const values = { ...table2Values(j1), Q: '7', reference: '勘误' };
    const row = table2RowFrom(values, j1, change);
    expect(row.success && row.data).toEqual({
      ...j1,
      Q: 7,
      source: { kind: 'administrator', reference: '勘误' },
      change,
    });
  });
});
