import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../../../../domain/schemas/enterprise';
import { AdminEnterprisesScreen } from '../../../../../../renderer/src/features/administration/enterprises/AdminEnterprisesScreen';
import type { Profile } from '../../../../../../renderer/src/session/profile';
import { renderAdminScreen } from '../../../support/admin-content-render';
import { json } from '../../../support/fake-hq';
import type { RecordedRequest } from '../../../support/fake-hq';
import { withTestProfile } from '../../../support/render';
import {
  creditCode,
  demoTownRecords,
  makeEnterprise,
} from '../../../../../support/record-fixtures';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const open = makeEnterprise({ name: '上虞甲化工有限公司' });
const closed = makeEnterprise({
  name: '上虞乙化工有限公司',
  closure: { kind: 'shutdown', date: '2026-06-30' },
});

async function renderRegistry(
  handler: (r: RecordedRequest) => Response,
  language: 'en' | 'zh-CN' = 'en',
  more: Enterprise[] = [],
) {
  await profile.db.towns.bulkPut(demoTownRecords());
  await profile.db.enterprises.bulkPut([open, closed, ...more]);
  return renderAdminScreen(
    profile,
    { path: '/admin/enterprises', route: '/admin/enterprises', screen: <AdminEnterprisesScreen /> },
    handler,
    language,
  );
}

const rowOf = async (name: string) => {
  const row = (await screen.findByText(name)).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
};

const answer = (e: Enterprise) => json(200, { enterprise: e });

describe('the enterprise registry screen', { timeout: 60_000 }, () => {
  it('leaves closed enterprises out until asked, and reopens one after confirmation', async () => {
    const requests = await renderRegistry(({ body }) =>
      answer({ ...closed, version: closed.version + 1, closure: null, ...(body as object) }),
    );
    await rowOf(open.name);
    expect(screen.queryByText(closed.name)).toBeNull();
    await userEvent.click(screen.getByRole('switch', { name: 'Show closed enterprises' }));
    const row = await rowOf(closed.name);
    expect(row.getByText(/Shut down/)).toBeTruthy();
    await userEvent.click(row.getByRole('button', { name: `Reopen ${closed.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(requests).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.url.pathname).toBe(`/api/v1/admin/enterprises/${closed.id}/reopen`);
    expect(requests[0]?.body).toEqual({ baseVersion: closed.version });
    expect(await row.findByText('Operating')).toBeTruthy();
  });

  it('closes an enterprise as shut down with the date, after confirmation', async () => {
    const requests = await renderRegistry(() =>
      answer({
        ...open,
        version: open.version + 1,
        closure: { kind: 'shutdown', date: '2026-11-30' },
      }),
    );
    const row = await rowOf(open.name);
    await userEvent.click(row.getByRole('button', { name: `Close ${open.name}` }));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText('Date it closed');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-11-30');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close it' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({
      baseVersion: open.version,
      kind: 'shutdown',
      date: '2026-11-30',
    });
    await waitFor(() => expect(screen.queryByText(open.name)).toBeNull());
  });

  it(
    'checks a new enterprise’s credit code and CAS numbers before sending anything',
    { timeout: 120_000 },
    async () => {
      const requests = await renderRegistry(({ body }) =>
        json(201, { enterprise: makeEnterprise(body as Partial<Enterprise>) }),
      );
      await userEvent.click(await screen.findByRole('button', { name: 'New enterprise' }));
      const drawer = await screen.findByRole('dialog');
      const field = (label: string) => within(drawer).getByLabelText(label);
      await userEvent.click(field('Name'));
      await userEvent.paste('上虞丙化工有限公司');
      const good = creditCode('91330604000000777');
      await userEvent.type(
        field('Unified social credit code'),
        `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`,
      );
      await userEvent.click(field('Address'));
      await userEvent.paste('试验路 1 号');
      await userEvent.click(field('Industry'));
      await userEvent.paste('精细化工');
      await userEvent.click(field('Longitude'));
      await userEvent.paste('120.8');
      await userEvent.click(field('Latitude'));
      await userEvent.paste('30.05');
      await userEvent.click(field('People within 500 m'));
      await userEvent.paste('80');
      await userEvent.click(field('Town'));
      await userEvent.click(
        (await screen.findAllByTitle(demoTownRecords()[0]?.nameEn ?? ''))[0] as HTMLElement,
      );
      await userEvent.click(within(drawer).getByRole('button', { name: /Add a unit$/ }));
      await userEvent.click(field('Unit name, unit 1'));
      await userEvent.paste('一号罐区');
      await userEvent.click(
        within(drawer).getByRole('button', { name: /Add a chemical to unit 1$/ }),
      );
      // By hazard class, with a CAS number typed: its check digit is checked.
      await userEvent.click(field('Identified by, unit 1, holding 1'));
      await userEvent.click((await screen.findAllByTitle('Hazard class'))[0] as HTMLElement);
      await userEvent.click(field('Name, unit 1, holding 1'));
      await userEvent.paste('液氨');
      await userEvent.click(field('CAS (optional), unit 1, holding 1'));
      await userEvent.paste('7664-41-8');
      await userEvent.click(field('Max. quantity (t), unit 1, holding 1'));
      await userEvent.paste('20');
      expect(within(drawer).getByText('Complete the unit to see its grading')).toBeTruthy();
      await userEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
      expect(
        await within(drawer).findByText('The check character of the credit code is wrong'),
      ).toBeTruthy();
      expect(within(drawer).getByText('The check digit of this CAS number is wrong')).toBeTruthy();
      expect(requests).toHaveLength(0);

      await userEvent.clear(field('Unified social credit code'));
      await userEvent.click(field('Unified social credit code'));
      await userEvent.paste(good);
      await userEvent.clear(field('CAS (optional), unit 1, holding 1'));
      await userEvent.click(field('CAS (optional), unit 1, holding 1'));
      await userEvent.paste('7664-41-7');
      // 20 t of ammonia (Table 1, Q = 10 t) makes the unit a major hazard source, seen live.
      expect(await within(drawer).findByText(/^Level \d major hazard source, R = /)).toBeTruthy();
      await userEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(requests).toHaveLength(1));
      expect(requests[0]?.url.pathname).toBe('/api/v1/admin/enterprises');
      expect(requests[0]?.body).toMatchObject({
        creditCode: good,
        units: [
          {
            kind: 'productionUnit',
            name: '一号罐区',
            holdings: [{ name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 20 }],
          },
        ],
        peopleWithin500m: 80,
        town: demoTownRecords()[0]?.code,
      });
    },
  );

  it('edits an enterprise of several units, each graded in its header, and saves them as they were', async () => {
    const units: Enterprise['units'] = [
      {
        kind: 'storageTankFarm',
        name: '液氨罐区',
        holdings: [{ name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 20 }],
      },
      {
        kind: 'warehouse',
        name: '溶剂库',
        peopleWithin500m: 5,
        holdings: [
          {
            name: '某溶剂',
            classes: [{ class: 'flammableLiquid', category: '3' }],
            maxQuantityT: 1,
          },
        ],
      },
    ];
    const several = makeEnterprise({ name: '上虞丁化工有限公司', units, peopleWithin500m: 120 });
    const requests = await renderRegistry(
      ({ body }) => answer({ ...several, version: several.version + 1, ...(body as object) }),
      'en',
      [several],
    );
    await userEvent.click(
      (await rowOf(several.name)).getByRole('button', { name: `Edit ${several.name}` }),
    );
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('液氨罐区 · Storage tank farm')).toBeTruthy();
    expect(within(drawer).getByText('溶剂库 · Warehouse')).toBeTruthy();
    const graded = within(drawer)
      .getAllByRole('status')
      .map((s) => s.textContent);
    expect(graded).toEqual([
      expect.stringMatching(/^Level \d major hazard source, R = /),
      'Not a major hazard source (S = 0)',
    ]);
    await userEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toMatchObject({
      baseVersion: several.version,
      enterprise: { units },
    });
  });

  it('says in Chinese that changes need the server when the device is offline', async () => {
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await renderRegistry(() => json(500, {}), 'zh-CN');
      expect(await screen.findByText(/修改需要联网/)).toBeTruthy();
      expect(screen.getByRole('button', { name: '新增企业' })).toHaveProperty('disabled', true);
    } finally {
      if (online) Object.defineProperty(navigator, 'onLine', online);
      else Reflect.deleteProperty(navigator, 'onLine');
    }
  });
});
