// The printed record's per-unit working (worked by hand in enterprises/unit-working.test.ts): in
// Chinese, as the whole document, whichever language the app is in.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MajorHazardWorking } from '../../../../../renderer/src/features/documents/MajorHazardWorking';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeEnterprise } from '../../../../support/record-fixtures';
import { ammoniaAt20, publishedEdition } from '../../support/gb18218-edition';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { tankFarm, warehouse } from '../enterprises/unit-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p));

describe.each(['en', 'zh-CN'] as const)(
  'the printed working with the app in %s',
  { timeout: 20_000 },
  (language) => {
    it('prints every unit’s terms, S, α, R and level, and the enterprise at its most severe', async () => {
      const enterprise = makeEnterprise({ peopleWithin500m: 120, units: [tankFarm, warehouse] });
      renderSignedIn(<MajorHazardWorking enterprise={enterprise} />, profile, language);
      const section = await screen.findByRole('region', {
        name: '重大危险源辨识与分级（GB 18218-2018）',
      });
      expect(
        within(section).getByText(
          '3 级重大危险源：取各单元中最高级别（溶剂库）（按打印时登记的单元；所用表版本：GB 18218-2018 / built-in v1）',
        ),
      ).toBeTruthy();
      expect(within(section).getByRole('heading', { name: '液氨罐区（储罐区）' })).toBeTruthy();
      const ammonia = within(section).getByText('液氨（7664-41-7）').closest('tr')!;
      expect(
        within(ammonia)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual([
        '液氨（7664-41-7）',
        '20',
        '10',
        'GB 18218-2018 表 1 第 1 项：氨',
        '2',
        '2',
        'GB 18218-2018 表 3 第 3 项：氨',
        '4',
      ]);
      expect(
        within(section).getByText(
          'S = 2.5；周边 500 米内 120 人（企业申报人数）；α = 2（100 人以上；GB 18218-2018 表 5 第 1 项）；R = 2 × 4.5 = 9',
        ),
      ).toBeTruthy();
      expect(within(section).getByRole('heading', { name: '溶剂库（库区）' })).toBeTruthy();
      expect(
        within(section).getByText(/^S = 10；本单元周边 500 米内 60 人；.*R = 1\.5 × 15 = 22\.5$/),
      ).toBeTruthy();
      expect(
        within(section).getByText(/^构成3级重大危险源（单一物质达到其临界量；R ≥ 10/),
      ).toBeTruthy();
      expect(
        within(section).getByText('未计入 S、R 的物质：助剂 B，5 t：其危险性类别均不属于表 2 所列'),
      ).toBeTruthy();
    });

    it('prints with the edition the device pulled, and names it', async () => {
      await profile.db.gb18218Editions.put(publishedEdition(ammoniaAt20));
      const enterprise = makeEnterprise({ peopleWithin500m: 120, units: [tankFarm] });
      renderSignedIn(<MajorHazardWorking enterprise={enterprise} />, profile, language);
      const section = await screen.findByRole('region', {
        name: '重大危险源辨识与分级（GB 18218-2018）',
      });
      expect(within(section).getByText(/所用表版本：GB 18218-2018 \/ v2）$/)).toBeTruthy();
      const ammonia = within(section).getByText('液氨（7664-41-7）').closest('tr')!;
      expect(
        within(ammonia)
          .getAllByRole('cell')
          .map((c) => c.textContent)
          .slice(1, 3),
      ).toEqual(['20', '20']);
    });
  },
);
