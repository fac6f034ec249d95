import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TargetListScreen } from '../../../../../renderer/src/features/lists/TargetListScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { json, unreachable } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';
import { AGENCY, SUPERVISOR, answer, row } from './target-list-fixtures';

function renderWith(
  profile: Profile,
  handler: (r: RecordedRequest) => Response,
  lang: 'en' | 'zh-CN' = 'en',
) {
  return renderOnline(<TargetListScreen />, profile, handler, lang);
}

const rowNamed = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

describe('the target list, for a supervisor', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile(
    (opened) => (profile = opened),
    () => makeSession({ user: makeUser({ id: SUPERVISOR, role: 'supervisor', agencyId: AGENCY }) }),
  );

  it('shows each class beside the computed one, and overrides with a reason against the computed class', async () => {
    const requests = renderWith(profile, ({ method }) =>
      method === 'POST'
        ? json(201, {
            override: {
              ...answer().rows[1]!.override!,
              id: '0197a000-0000-7000-8000-0000000000f2',
            },
          })
        : json(200, answer()),
    );
    await screen.findByText('Hengtai Chemical');
    expect(within(rowNamed('Anda Coatings')).getByText('Low risk')).toBeTruthy();
    expect(within(rowNamed('Anda Coatings')).getByText('Overridden')).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Override class: Hengtai Chemical' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save override' }));
    expect(await within(dialog).findByText('Choose a class.')).toBeTruthy();
    await user.click(within(dialog).getByRole('combobox', { name: 'Override to' }));
    await user.click(await screen.findByTitle('Considerable risk'));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), {
      target: { value: ' 罐区已停用 ' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save override' }));
    await screen.findByText('Saved.');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.url.pathname, r.body])).toEqual([
      [
        '/api/v1/risk-overrides',
        {
          enterpriseId: row().enterpriseId,
          riskClass: 'considerable',
          computedClass: 'major',
          reason: '罐区已停用',
        },
      ],
    ]);
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET')).toHaveLength(2));
  });

  it('says why the server refused a withdrawal', async () => {
    const requests = renderWith(profile, ({ method }) =>
      method === 'POST'
        ? json(409, { error: 'riskOverride.computedClassChanged', message: 'changed' })
        : json(200, answer()),
    );
    await screen.findByText('Anda Coatings');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Withdraw override: Anda Coatings' }));
    await user.click(await screen.findByRole('button', { name: 'OK' }));
    expect(
      await screen.findByText(
        'The computed class has changed: reload the list, look again, then override.',
      ),
    ).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.url.pathname).toBe(
      `/api/v1/risk-overrides/${answer().rows[1]!.override!.id}/withdraw`,
    );
  });
});

describe('the target list, for an inspector', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));

  it('reads the factors and the override, without overriding', async () => {
    renderWith(profile, () => json(200, answer()));
    await screen.findByText('Anda Coatings');
    expect(screen.queryByRole('button', { name: /Override class/ })).toBeNull();
    const user = userEvent.setup({ delay: null });
    await user.click(within(rowNamed('Anda Coatings')).getByRole('button', { name: /expand/i }));
    expect(
      await screen.findByText('Override in force: Major risk (computed Low risk)'),
    ).toBeTruthy();
    expect(screen.getByText('3 of 4 due since 2024-11-29 closed on time (75%)')).toBeTruthy();
    expect(screen.getByText('Unreported ammonia tanks')).toBeTruthy();
  });

  it('says the list needs the server when it cannot be reached, in Chinese too', async () => {
    renderWith(profile, unreachable, 'zh-CN');
    expect(
      await screen.findByText('名录库由服务器计算，当前无法连接服务器。请联网后重新打开本页面。'),
    ).toBeTruthy();
  });
});
