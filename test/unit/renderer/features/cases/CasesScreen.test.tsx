import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PenaltyCase } from '../../../../../domain/schemas/penalty-case';
import { CasesScreen } from '../../../../../renderer/src/features/cases/CasesScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { createApiClient } from '../../../../../renderer/src/sync/api-client';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { fakeFetch, json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderSignedIn, withTestProfile } from '../../support/render';

const OPENER = '0197a000-0000-7000-8000-0000000000e1';

export function makeCase(overrides: Partial<PenaltyCase> = {}): PenaltyCase {
  return {
    id: '0197a000-0000-7000-8000-0000000000f1',
    version: 1,
    agencyId: '0197a000-0000-7000-8000-0000000000a1',
    enterpriseId: '0197a000-0000-7000-8000-0000000000c1',
    town: '330604400',
    origin: {
      kind: 'overdueMajorHazard',
      recordId: '0197a000-0000-7000-8000-0000000000d1',
      inspectionId: '0197a000-0000-7000-8000-0000000000b1',
    },
    summary: '重大事故隐患逾期未整改',
    status: 'pending',
    number: null,
    openedBy: OPENER,
    openedAt: '2026-12-10T01:00:00.000Z',
    approval: null,
    steps: [
      {
        stage: 'filing',
        startedAt: '2026-12-10T01:00:00.000Z',
        startedBy: OPENER,
        dueOn: '2025-12-17',
        completedAt: null,
        completedBy: null,
        note: '',
      },
    ],
    evidence: [],
    documents: [],
    amendments: [],
    ...overrides,
  };
}

const investigating = makeCase({
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
  const hq = fakeFetch(handler);
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  renderSignedIn(
    <MemoryRouter>
      <CasesScreen />
    </MemoryRouter>,
    { ...profile, client },
    'en',
  );
  return hq.requests;
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
      return listOf(approved ? [investigating] : [makeCase(), investigating]);
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Overdue')).toBeTruthy();
    expect(within(table).getByText('上虞应急立〔2026〕第0001号')).toBeTruthy();
    expect(screen.getByText('Overdue stages: 1')).toBeTruthy();
    await userEvent.click(within(table).getByText('Awaiting approval'));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve opening' }));
    await screen.findByText('Saved');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/v1/cases/${makeCase().id}/approval`);
    expect(post?.body).toEqual({ version: 1, approved: true, comment: '' });
  });
});

describe('the penalty case list, for an inspector', { timeout: 30_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));

  it('offers the next stage to a handling officer, leaves the approval and the notice to a supervisor', async () => {
    const me = profile.session.user.id;
    const noticed = makeCase({
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
        : listOf([makeCase(), investigating, noticed]),
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
    const hq = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: 't'.repeat(40),
      fetch: hq.fetch,
    });
    renderSignedIn(<CasesScreen />, { ...profile, client }, 'zh-CN');
    expect(await screen.findByText(/行政处罚案件保存在服务器上/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
