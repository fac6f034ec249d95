import { describe, expect, it } from 'vitest';
import rawTable from '../../../../domain/data/gb18218-2018.json';
import { defaultGb18218Table, gb18218TableSchema } from '../../../../domain/data/gb18218-table';

const issues = (table: unknown): string[] => {
  const result = gb18218TableSchema.safeParse(table);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('GB 18218-2018 table', () => {
  it('ships every chemical of the reference table, the β tables and the α bands', () => {
    expect(issues(rawTable)).toEqual([]);
    expect(defaultGb18218Table.chemicals).toHaveLength(45);
    expect(defaultGb18218Table.toxicGasBeta).toHaveLength(14);
    expect(defaultGb18218Table.genericCriticalQuantities).toHaveLength(7);
    const chlorine = defaultGb18218Table.chemicals.find((c) => c.cas === '7782-50-5');
    expect(chlorine).toMatchObject({ nameZh: '氯', Q: 5, betaClass: 'toxicGas' });
    expect(defaultGb18218Table.betaByHazardClass.flammableGas).toBe(1.5);
  });

  it('rejects a toxic gas that has no β in the toxic-gas table', () => {
    const table = {
      ...rawTable,
      chemicals: [
        ...rawTable.chemicals,
        { nameZh: '光气类', nameEn: 'x', cas: '1-11-1', Q: 1, betaClass: 'toxicGas' },
      ],
    };
    expect(issues({ ...table, chemicals: table.chemicals })).toContain(
      'gb18218.toxicGasWithoutBeta',
    );
  });

  it('rejects two rows sharing a CAS unless each names its variant', () => {
    const dup = { nameZh: '甲苯', nameEn: 'toluene', cas: '108-88-3', Q: 100, betaClass: 'other' };
    expect(issues({ ...rawTable, chemicals: [...rawTable.chemicals, dup] })).toContain(
      'gb18218.ambiguousCas',
    );
  });

  it('rejects α bands with a gap, and level bands out of order', () => {
    const gap = rawTable.alphaBands.filter((b) => b.minPeople !== 30);
    expect(issues({ ...rawTable, alphaBands: gap })).toContain('gb18218.alphaBands');
    const levels = rawTable.levels.map((l) => (l.level === 2 ? { ...l, minR: 200 } : l));
    expect(issues({ ...rawTable, levels })).toContain('gb18218.levels');
  });

  it('rejects a non-positive critical quantity and a malformed CAS', () => {
    const [first, ...rest] = rawTable.chemicals;
    expect(issues({ ...rawTable, chemicals: [{ ...first, Q: 0 }, ...rest] })).not.toEqual([]);
    expect(issues({ ...rawTable, chemicals: [{ ...first, cas: '7782505' }, ...rest] })).toContain(
      'cas.invalid',
    );
  });
});
