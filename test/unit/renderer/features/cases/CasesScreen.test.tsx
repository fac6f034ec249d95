import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PenaltyCase } from '../../../../../domain/schemas/penalty-case';
import { CasesScreen } from '../../../../../renderer/src/features/cases/CasesScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { json, unreachable } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { CASE_OPENER as OPENER, makePenaltyCase } from '../../support/penalty-case';
import { renderOnline, withTestProfile } from '../../support/render';

const investigating = makePenaltyCase({
  id: '0197a000-0000-7000-8000-0000000000f2',
  status: 'open',
  number: '上虞应急立〔2026〕第0001号',
  version: 2,
  approval: { approved: true, by: OPENER, at: '2026-12-10T02:00:00.000Z', comment: '' },
  steps: [
    {
      stage: 'investigation',
      startedAt: '2026-12-10T02:00:00.000Z',
      startedBy: OPENER,
      dueOn: '2099-03-10',
      completedAt: null,
      completedBy: null,
      note: '',
    },
  ],
  documents: [
    {
      kind: 'caseFiling',
      documentId: '0197a000-0000-7000-8000-0000000000f9',
      number: '上虞应急立〔2026〕第0001号',
      issuedOn: '2026-12-10',
    },
  ],
});

function renderWith(profile: Profile, handler: (r: RecordedRequest) => Response) {
  return renderOnline(
    <MemoryRouter>
      <CasesScreen />
    </MemoryRouter>,
    profile,
    handler,
    'en',
  );
}

const listOf = (cases: PenaltyCase[]) =>
  json(200, { cases, counts: { pending: 1, open: 1, overdue: 1 } });

describe('the penalty case list, for a supervisor', { timeout: 30_000 }, () => {
  let profile: Profile;
  withTestProfile(
    (opened) => (profile = opened),
    () => makeSession({ user: makeUser({ role: 'supervisor', displayName: 'Sun Liqun' }) }),
  );

  it('lists the server’s cases with their overdue stages, and approves one', async () => {
    let approved = false;
    const requests = renderWith(profile, ({ url, method }) => {
      if (method === 'POST' && url.pathname.endsWith('/approval')) {
        approved = true;
        return json(200, investigating);
      }
      return listOf(approved ? [investigating] : [makePenaltyCase(), investigating]);
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Overdue')).toBeTruthy();
    expect(within(table).getByText('上虞应急立〔2026〕第0001号')).toBeTruthy();
    expect(screen.getByText('Overdue stages: 1')).toBeTruthy();
    await userEvent.click(within(table).getByText('Awaiting approval'));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve opening' }));
    await screen.findByText('Saved');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/v1/cases/${makePenaltyCase().id}/approval`);
    expect(post?.body).toEqual({ version: 1, approved: true, comment: '' });
  });
});

describe('the penalty case list, for an inspector', { timeout: 30_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));

  it('offers the next stage to a handling officer, leaves the approval and the notice to a supervisor', async () => {
    const me = profile.session.user.id;
    const noticed = makePenaltyCase({
      ...investigating,
      id: '0197a000-0000-7000-8000-0000000000f3',
      number: '上虞应急立〔2026〕第0002号',
      version: 3,
      handlers: [OPENER, me],
      steps: [{ ...investigating.steps[0]!, stage: 'notice', dueOn: '2099-01-05' }],
    });
    const requests = renderWith(profile, ({ method }) =>
      method === 'POST'
        ? json(409, { error: 'case_stale', message: 'changed' })
        : listOf([makePenaltyCase(), investigating, noticed]),
    );
    const table = await screen.findByRole('table');
    await userEvent.click(within(table).getByText('Awaiting approval'));
    expect(screen.queryByRole('button', { name: 'Approve opening' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Close/ }));
    await userEvent.click(within(table).getByText('上虞应急立〔2026〕第0001号'));
    const notice = await screen.findByRole('button', { name: 'Move to Notice' });
    expect(notice.hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Link evidence' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Close/ }));
    await userEvent.click(within(table).getByText('上虞应急立〔2026〕第0002号'));
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Hearing' }));
    expect(
      await screen.findByText(
        'Someone changed the case meanwhile: it was read again; try once more.',
      ),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { version: 3, to: 'hearing', note: '' },
    ]);
  });

  it('says cases need the server when it cannot be reached, in Chinese too', async () => {
    renderOnline(<CasesScreen />, profile, unreachable, 'zh-CN');
    expect(await screen.findByText(/行政处罚案件保存在服务器上/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
