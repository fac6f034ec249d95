import { describe, expect, it } from 'vitest';
import { enterpriseSchema } from '../../../../domain/schemas/enterprise';

const valid = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 0,
  updatedAt: '2026-03-01T09:00:00.000+08:00',
  deletedAt: null,
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  name: '浙江示例化工有限公司',
  creditCode: '91330604MA2BCD123L',
  address: '杭州湾上虞经济技术开发区纬三路 1 号',
  town: '330604400',
  lat: 30.15,
  lon: 120.85,
  industry: '精细化工',
  contacts: [{ name: '张三', title: '安全负责人', phone: '0575-82123456' }],
  units: [
    {
      kind: 'storageTankFarm',
      name: '液氯罐区',
      holdings: [{ name: '液氯', cas: '7782-50-5', classes: [], maxQuantityT: 20 }],
    },
  ],
  peopleWithin500m: 120,
  track: 'cluster_upgrade',
  trackMilestones: [{ title: '完成清洁生产改造', due: '2017-12-31', doneAt: null }],
};

const messagesAt = (input: unknown, field: string): string[] => {
  const result = enterpriseSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);
};

describe('enterpriseSchema', () => {
  it('accepts a complete enterprise', () => {
    expect(enterpriseSchema.parse(valid)).toEqual(valid);
  });

  it('upper-cases and trims a lower-case credit code', () => {
    expect(
      enterpriseSchema.parse({ ...valid, creditCode: ' 91330604ma2bcd123l ' }).creditCode,
    ).toBe('91330604MA2BCD123L');
  });

  it.each([
    ['91330604MA2BCD123M', 'creditCode.checkCharacter'],
    ['91330604MA2BCD123', 'creditCode.length'],
    ['91330604MA2BCD12IL', 'creditCode.charset'],
  ])('rejects the credit code %s with %s', (creditCode, message) => {
    expect(messagesAt({ ...valid, creditCode }, 'creditCode')).toEqual([message]);
  });

  it('rejects a malformed CAS number and a negative quantity, in a list of before units too', () => {
    const chemicals = [
      { name: '液氯', cas: '7782505', maxQuantityT: 1 },
      { name: '液氨', cas: '7664-41-7', maxQuantityT: -1 },
    ];
    const old: Record<string, unknown> = { ...valid };
    delete old.units;
    const messages = messagesAt({ ...old, chemicals }, 'units');
    expect(messages).toContain('cas.invalid');
    expect(messages).toHaveLength(2);
    const holdings = chemicals.map((c) => ({ ...c, classes: [] }));
    const unit = { kind: 'warehouse', name: '仓库', holdings };
    expect(messagesAt({ ...valid, units: [unit] }, 'units')).toHaveLength(2);
  });

  it('reads a record from before units as the one unit of its chemicals', () => {
    const old: Record<string, unknown> = { ...valid };
    delete old.units;
    const chemicals = [{ name: '液氯', cas: '7782-50-5', maxQuantityT: 20 }];
    const parsed = enterpriseSchema.parse({ ...old, chemicals });
    expect(parsed).not.toHaveProperty('chemicals');
    expect(parsed.units).toEqual([
      {
        kind: 'other',
        name: '全厂',
        holdings: [{ name: '液氯', cas: '7782-50-5', classes: [], maxQuantityT: 20 }],
      },
    ]);
  });

  it('refuses a record with both a list of chemicals and units', () => {
    const chemicals = [{ name: '液氯', cas: '7782-50-5', maxQuantityT: 20 }];
    expect(messagesAt({ ...valid, chemicals }, 'chemicals')).toEqual([
      'enterprise.chemicalsWithUnits',
    ]);
  });

  it('rejects an unknown track, a bad town code, a bad milestone date and a bad phone', () => {
    expect(messagesAt({ ...valid, track: 'relocation' }, 'track')).toHaveLength(1);
    expect(messagesAt({ ...valid, town: '3306044' }, 'town')).toEqual(['town.invalid']);
    const trackMilestones = [{ title: '完成', due: '2017/12/31', doneAt: null }];
    expect(messagesAt({ ...valid, trackMilestones }, 'trackMilestones')).toEqual(['date.invalid']);
    const contacts = [{ name: '张三', title: '', phone: 'call me' }];
    expect(messagesAt({ ...valid, contacts }, 'contacts')).toEqual(['phone.invalid']);
  });

  it('rejects a blank name and coordinates off the globe', () => {
    expect(messagesAt({ ...valid, name: '   ' }, 'name')).toEqual(['required']);
    expect(messagesAt({ ...valid, lat: 91 }, 'lat')).toHaveLength(1);
    expect(messagesAt({ ...valid, peopleWithin500m: 2.5 }, 'peopleWithin500m')).toHaveLength(1);
  });
});
