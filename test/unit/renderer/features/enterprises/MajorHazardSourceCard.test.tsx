// The enterprise file's card of units, each with its working, in both languages (the working
// itself by hand: unit-working.test.ts).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MajorHazardSourceCard } from '../../../../../renderer/src/features/enterprises/MajorHazardSourceCard';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeEnterprise } from '../../../../support/record-fixtures';
import { ammoniaAt20, publishedEdition } from '../../support/gb18218-edition';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { tankFarm, warehouse } from './unit-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p));

const cases = [
  {
    language: 'en',
    result: 'Major hazard source, level 3: the most severe of its units (溶剂库)',
    units: ['液氨罐区 (storage tank farm)', '溶剂库 (warehouse)'],
    basis: 'GB 18218-2018 Table 1, entry 1: ammonia',
    level: /^Major hazard source, level 3 \(one substance reaches its Q; R ≥ 10/,
    none: 'No units declared',
  },
  {
    language: 'zh-CN',
    result: '3 级重大危险源：取各单元中最高级别（溶剂库）',
    units: ['液氨罐区（储罐区）', '溶剂库（库区）'],
    basis: 'GB 18218-2018 表 1 第 1 项：氨',
    level: /^构成3级重大危险源（单一物质达到其临界量；R ≥ 10/,
    none: '未申报单元',
  },
] as const;

describe.each(cases)('the units on the enterprise file in $language', { timeout: 20_000 }, (c) => {
  const renderCard = (units = [tankFarm, warehouse]) =>
    renderSignedIn(
      <MajorHazardSourceCard enterprise={makeEnterprise({ peopleWithin500m: 120, units })} />,
      profile,
      c.language,
    );

  it('shows each unit with its working and the enterprise at its most severe unit', async () => {
    renderCard();
    expect(await screen.findByText(c.result)).toBeTruthy();
    const [farm, store] = c.units.map((name) => screen.getByRole('region', { name }));
    expect(within(farm!).getByText(c.basis)).toBeTruthy();
    expect(within(farm!).getByText('2 × 4.5 = 9')).toBeTruthy();
    expect(within(store!).getByText('1.5 × 15 = 22.5')).toBeTruthy();
    expect(within(store!).getByText(c.level)).toBeTruthy();
    expect(within(store!).getByText('GB 18218-2018 / built-in v1')).toBeTruthy();
  });

  it('says when the enterprise declared no unit', async () => {
    renderCard([]);
    expect(await screen.findByText(c.none)).toBeTruthy();
  });

  it('grades with the edition the device pulled and names it', async () => {
    await profile.db.gb18218Editions.put(publishedEdition(ammoniaAt20));
    renderCard([tankFarm]);
    const farm = await screen.findByRole('region', { name: c.units[0] });
    expect(within(farm).getByText('GB 18218-2018 / v2')).toBeTruthy();
    expect(within(farm).queryByText('GB 18218-2018 / built-in v1')).toBeNull();
  });
});
