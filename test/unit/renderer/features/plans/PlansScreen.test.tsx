// The plans screen as a supervisor uses it against a stand-in server: plans by year, approval on
// the version read, a stale approval said and read again, and the screen's need of the server
// said when it cannot be reached.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../domain/schemas/plan';
import { PlansScreen } from '../../../../../renderer/src/features/plans/PlansScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { makePlan } from '../../../domain/rules/plan-fixtures';
import { json, unreachable } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';

const approved = makePlan({ id: '0197a000-0000-7000-8000-000000000601', version: 2 });
const draft = makePlan({
  id: '0197a000-0000-7000-8000-000000000602',
  year: 2027,
  version: 4,
  status: 'draft',
  approval: null,
});

function renderWith(
  profile: Profile,
  handler: (r: RecordedRequest) => Response,
  lang: 'en' | 'zh-CN' = 'en',
) {
  return renderOnline(
    <MemoryRouter>
      <PlansScreen />
    </MemoryRouter>,
    profile,
    handler,
    lang,
  );
}

const list = (plans: Plan[]) => json(200, { plans });

describe('the plans screen, for a supervisor', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile(
    (opened) => (profile = opened),
    () => makeSession({ user: makeUser({ role: 'supervisor', displayName: 'Sun Liqun' }) }),
  );

  it('lists the plans by year and approves a draft on the version read', async () => {
    const requests = renderWith(profile, ({ method }) =>
      method === 'POST'
        ? json(200, {
            plan: { ...draft, version: 5, status: 'approved', approval: approved.approval },
          })
        : list([approved, draft]),
    );
    expect(await screen.findByText('Plan for 2027')).toBeTruthy();
    expect(screen.getByText('Plan for 2026')).toBeTruthy();
    expect(screen.getByText('In force')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await screen.findByText('The plan was approved.');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/v1/plans/${draft.id}/approve`);
    expect(post?.body).toEqual({ baseVersion: 4 });
  });

  it('says a stale approval in the user’s words and reads the plans again', async () => {
    const requests = renderWith(profile, ({ method }) =>
      method === 'POST'
        ? json(409, { error: 'plan.stale', message: 'The plan changed since you read it' })
        : list([draft]),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }),
    );
    expect(await screen.findByText(/Someone changed this plan since you opened it/)).toBeTruthy();
    expect(requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });
});

describe('the plans screen without the server', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));

  it('says plans need the server, in Chinese too', async () => {
    renderWith(profile, unreachable, 'zh-CN');
    expect(await screen.findByText(/计划和抽查需要联网/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
