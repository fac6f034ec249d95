// The per-unit working as the enterprise file and the printed record write it, in both
// languages. Worked by hand (GB 18218-2018):
// Tank farm, 120 people around the enterprise: α = 2 (100 or more).
//   液氨 20 t: Q = 10 (Table 1), β = 2 (Table 3): q/Q = 2, βq/Q = 4.
//   甲醇 250 t: Q = 500 (Table 1), β = 1 (W5.3): q/Q = 0.5, βq/Q = 0.5.
//   S = 2.5; R = 2 × 4.5 = 9 → level 4 (R < 10).
// Solvent warehouse, 60 people around it (its own count): α = 1.5 (50 to 99).
//   An unnamed flammable liquid of category 1, 100 t: Table 2 W5.1, Q = 10, β = 1.5:
//   q/Q = 10, βq/Q = 15. S = 10; R = 1.5 × 15 = 22.5 → level 3 (10 ≤ R < 50).
//   A substance hazardous only to the aquatic environment is not counted (no Table 2 row).
// The enterprise: level 3, the more severe, of the warehouse.
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import { describe, expect, it } from 'vitest';
import { gradeEnterprise } from '../../../../../domain/rules/gb18218';
import { enterpriseLines } from '../../../../../renderer/src/features/enterprises/unit-working';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import { tankFarm, warehouse } from './unit-fixtures';

function linesIn(language: 'en' | 'zh-CN') {
  const i18n = createI18n(language);
  const grading = gradeEnterprise(
    { peopleWithin500m: 120, units: [tankFarm, warehouse] },
    defaultGb18218Table,
  );
  return enterpriseLines(grading, i18n.t.bind(i18n), language === 'en' ? 'en' : 'zh');
}

describe('the per-unit working', () => {
  it('writes every unit’s terms, S, α, R and level with their rows, in English', () => {
    const lines = linesIn('en');
    expect(lines.result).toBe(
      'Major hazard source, level 3: the most severe of its units (溶剂库)',
    );
    const [farm, store] = lines.units;
    expect(farm?.title).toBe('液氨罐区 (storage tank farm)');
    expect(farm?.terms.map((t) => [t.substance, t.q, t.Q, t.qOverQ, t.beta, t.betaQOverQ])).toEqual(
      [
        ['液氨 (7664-41-7)', '20', '10', '2', '2', '4'],
        ['甲醇 (67-56-1)', '250', '500', '0.5', '1', '0.5'],
      ],
    );
    expect(farm?.terms.map((t) => [t.qBasis, t.betaBasis])).toEqual([
      ['GB 18218-2018 Table 1, entry 1: ammonia', 'GB 18218-2018 Table 3, entry 3: ammonia'],
      [
        'GB 18218-2018 Table 1, entry 65: methanol',
        expect.stringMatching(/^GB 18218-2018 Table 4, W5\.3: /),
      ],
    ]);
    expect(farm?.S).toBe('2.5');
    expect(farm?.people).toBe('120 people within 500 m (the enterprise’s count)');
    expect(farm?.alpha).toBe('2 (100 people or more; GB 18218-2018 Table 5, entry 1)');
    expect(farm?.R).toBe('2 × 4.5 = 9');
    expect(farm?.result).toBe(
      'Major hazard source, level 4 (one substance reaches its Q; R ≥ 0, GB 18218-2018 Table 6, entry 4)',
    );
    expect(farm?.tableVersion).toBe(lines.tableVersion);
    expect(lines.tableVersion).toMatch(/GB 18218-2018/);

    expect(store?.title).toBe('溶剂库 (warehouse)');
    expect(store?.terms.map((t) => [t.q, t.Q, t.qOverQ, t.beta, t.betaQOverQ])).toEqual([
      ['100', '10', '10', '1.5', '15'],
    ]);
    expect(store?.terms[0]?.qBasis).toMatch(/^GB 18218-2018 Table 2, W5\.1: .*; not in Table 1/);
    expect(store?.people).toBe('60 people within 500 m of this unit');
    expect(store?.R).toBe('1.5 × 15 = 22.5');
    expect(store?.result).toMatch(/^Major hazard source, level 3 \(one substance reaches its Q/);
    expect(store?.notCounted).toEqual([
      '助剂 B, 5 t: none of its hazard classes is one Table 2 grades',
    ]);
  });

  it('writes the same working in Chinese', () => {
    const lines = linesIn('zh-CN');
    expect(lines.result).toBe('3 级重大危险源：取各单元中最高级别（溶剂库）');
    const [farm, store] = lines.units;
    expect(farm?.title).toBe('液氨罐区（储罐区）');
    expect(farm?.terms.map((t) => [t.substance, t.qBasis, t.betaBasis])).toEqual([
      ['液氨（7664-41-7）', 'GB 18218-2018 表 1 第 1 项：氨', 'GB 18218-2018 表 3 第 3 项：氨'],
      [
        '甲醇（67-56-1）',
        'GB 18218-2018 表 1 第 65 项：甲醇',
        'GB 18218-2018 表 4 W5.3：易燃液体，类别2',
      ],
    ]);
    expect(farm?.alpha).toBe('2（100 人以上；GB 18218-2018 表 5 第 1 项）');
    expect(farm?.people).toBe('周边 500 米内 120 人（企业申报人数）');
    expect(farm?.result).toBe(
      '构成4级重大危险源（单一物质达到其临界量；R ≥ 0，GB 18218-2018 表 6 第 4 项）',
    );
    expect(store?.terms[0]?.qBasis).toMatch(/^GB 18218-2018 表 2 W5\.1：.*；不在表 1 中/);
    expect(store?.people).toBe('本单元周边 500 米内 60 人');
    expect(store?.notCounted).toEqual(['助剂 B，5 t：其危险性类别均不属于表 2 所列']);
  });
});
