import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConflictDeclaration } from '../../../../../domain/schemas/officer';
import { ConflictDeclarationsScreen } from '../../../../../renderer/src/features/lists/ConflictDeclarationsScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeEnterprise, makeSession, makeUser } from '../../../../support/record-fixtures';
import { json, unreachable } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';

const me = makeUser({ displayName: 'Li Ming' });
const plant = makeEnterprise({ name: 'Hengtai Chemical' });
const dyes = makeEnterprise({ name: 'Beifang Dyes' });

const declaration = (overrides: Partial<ConflictDeclaration>): ConflictDeclaration => ({
  id: '0197a000-0000-7000-8000-0000000000f1',
  version: 1,
  updatedAt: '2026-11-20T02:00:00.000Z',
  deletedAt: null,
  createdBy: me.id,
  officerId: me.id,
  enterpriseId: dyes.id,
  reason: '配偶在该企业任职',
  declaredAt: '2026-11-20T02:00:00.000Z',
  ...overrides,
});
const withdrawn = declaration({
  id: '0197a000-0000-7000-8000-0000000000f2',
  enterpriseId: plant.id,
  reason: '曾在该企业工作',
  deletedAt: '2026-11-25T02:00:00.000Z',
});

function renderWith(
  profile: Profile,
  handler: (r: RecordedRequest) => Response,
  lang: 'en' | 'zh-CN' = 'en',
) {
  return renderOnline(<ConflictDeclarationsScreen />, profile, handler, lang);
}

describe('conflict declarations, for an inspector', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile(
    (opened) => (profile = opened),
    () => makeSession({ user: me }),
  );

  it('lists those in force and withdrawn, declares one of their own and withdraws one', async () => {
    await profile.db.users.put(me);
    await profile.db.enterprises.bulkPut([plant, dyes]);
    const requests = renderWith(profile, ({ method, url }) => {
      if (method === 'GET') return json(200, { conflicts: [declaration({}), withdrawn] });
      return url.pathname.endsWith('/withdraw')
        ? json(200, { conflict: { ...declaration({}), deletedAt: '2026-11-29T02:00:00.000Z' } })
        : json(201, { conflict: declaration({ enterpriseId: plant.id }) });
    });
    const inForce = await screen.findByRole('table', { name: 'In force' });
    expect(await within(inForce).findByText('Beifang Dyes')).toBeTruthy();
    const past = screen.getByRole('table', { name: 'Withdrawn' });
    expect(within(past).getByText('曾在该企业工作')).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Declare a conflict' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Enterprise' }));
    await user.click(await screen.findByTitle('Hengtai Chemical'));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), {
      target: { value: '亲属任该企业负责人' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save declaration' }));
    await screen.findByText('Conflict declared.');

    await user.click(screen.getByRole('button', { name: 'Withdraw: Li Ming — Beifang Dyes' }));
    await user.click(await screen.findByRole('button', { name: 'OK' }));
    await screen.findByText('Withdrawn.');
    expect(
      requests.filter((r) => r.method === 'POST').map((r) => [r.url.pathname, r.body]),
    ).toEqual([
      [
        '/api/v1/officer-conflicts',
        { officerId: me.id, enterpriseId: plant.id, reason: '亲属任该企业负责人' },
      ],
      [`/api/v1/officer-conflicts/${declaration({}).id}/withdraw`, undefined],
    ]);
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET')).toHaveLength(3));
  });

  it('says declarations need the server when it cannot be reached, in Chinese too', async () => {
    renderWith(profile, unreachable, 'zh-CN');
    expect(
      await screen.findByText(
        '回避声明保存在服务器上，当前无法连接服务器。请联网后重新打开本页面。',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '声明回避' }).hasAttribute('disabled')).toBe(true);
  });
});
