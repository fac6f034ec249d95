import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../../../../renderer/src/session/profile';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { ReviewQueue } from '../../../../../renderer/src/features/review/ReviewQueue';
import { fakeFetch } from '../../support/fake-hq';
import { fakeSyncServer } from '../../support/fake-sync-server';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';
import { renderSignedIn } from '../../support/render';

let profile: Profile | undefined;
afterEach(async () => {
  cleanup(); // unmount before deleting the database under it
  profile?.engine.stop();
  profile?.db.close();
  await profile?.db.delete();
  profile = undefined;
});

/** A signed-in user whose decisions are pushed to a stand-in server. */
function signedInAs(role: 'supervisor' | 'inspector' | 'admin') {
  const server = fakeSyncServer();
  const user = makeUser({ role, username: `${role}.test`, displayName: 'Zhang Hua' });
  profile = openProfile(makeSession({ user }), {
    onUnauthorized: () => undefined,
    fetch: fakeFetch((request) => server.handle(request)).fetch,
  });
  return { server, user, profile };
}

async function twoWaiting(p: Profile) {
  const dyes = makeEnterprise({ name: 'Mingda Dyes' });
  const coatings = makeEnterprise({ name: 'Shangyu Coatings' });
  const approveMe = makeInspection({ enterpriseId: dyes.id });
  const returnMe = makeInspection({ enterpriseId: coatings.id });
  await p.db.enterprises.bulkPut([dyes, coatings]);
  await p.db.inspections.bulkPut([approveMe, returnMe]);
  return { approveMe, returnMe };
}

/** How long to wait for the live queue to catch up with a write on a busy machine. */
const SLOW = { timeout: 10_000 };

const renderQueue = (p: Profile) =>
  renderSignedIn(
    <MemoryRouter>
      {/* Without motion, closed dialogs leave the page at once (jsdom never ends a transition). */}
      <ConfigProvider theme={{ token: { motion: false } }}>
        <ReviewQueue />
      </ConfigProvider>
    </MemoryRouter>,
    p,
  );

const row = (name: string) =>
  screen
    .queryAllByRole('row')
    .find((r) => r.classList.contains('ant-table-row') && r.textContent?.includes(name));

// antd tables with selection render slowly in jsdom on a shared, busy machine.
describe('ReviewQueue', { timeout: 60_000 }, () => {
  it('approves one inspection and returns another only with a comment; both are pushed', async () => {
    const { server, user, profile: p } = signedInAs('supervisor');
    const { approveMe, returnMe } = await twoWaiting(p);
    renderQueue(p);
    await waitFor(() => expect(row('Mingda Dyes')).toBeDefined());
    expect(row('Shangyu Coatings')).toBeDefined();
    const person = userEvent.setup();

    await person.click(within(row('Mingda Dyes')!).getByRole('button', { name: /^Approve/ }));
    await waitFor(() => expect(row('Mingda Dyes')).toBeUndefined(), SLOW);
    expect((await p.db.inspections.get(approveMe.id))?.review).toMatchObject({
      status: 'approved',
      comment: '',
      reviewerId: user.id,
    });

    await person.click(within(row('Shangyu Coatings')!).getByRole('button', { name: /^Return/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Return the inspection' });
    await person.click(within(dialog).getByRole('button', { name: 'Return with comment' }));
    expect(await within(dialog).findByText('Say what must be corrected.')).toBeTruthy();
    expect((await p.db.inspections.get(returnMe.id))?.review.status).toBe('pending');
    expect(row('Shangyu Coatings')).toBeDefined();

    await person.click(within(dialog).getByLabelText('Comment for the inspector'));
    await person.paste('  Sign the record.  ');
    await person.click(within(dialog).getByRole('button', { name: 'Return with comment' }));
    await waitFor(() => expect(row('Shangyu Coatings')).toBeUndefined(), SLOW);
    expect((await p.db.inspections.get(returnMe.id))?.review).toMatchObject({
      status: 'returned',
      comment: 'Sign the record.',
      reviewerId: user.id,
    });
    expect(
      await screen.findByText('No inspections are waiting for review.', {}, SLOW),
    ).toBeTruthy();

    // Each decision went out with the sync it started: the server has both, the outbox is empty.
    await waitFor(() =>
      expect(
        server.applied.map((m) => [m.id, (m.data as { review: { status: string } }).review.status]),
      ).toEqual(
        expect.arrayContaining([
          [approveMe.id, 'approved'],
          [returnMe.id, 'returned'],
        ]),
      ),
    );
    await waitFor(async () => expect(await p.db.outbox.count()).toBe(0));
  });

  it('tells an inspector that review is for supervisors, with no decisions offered', async () => {
    const { profile: p } = signedInAs('inspector');
    await twoWaiting(p);
    renderQueue(p);
    expect(await screen.findByText(/Review is for the supervisors of/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('tells an administrator that supervisors review, with no decisions offered', async () => {
    const { profile: p } = signedInAs('admin');
    await twoWaiting(p);
    renderQueue(p);
    expect(await screen.findByText(/which administrators do not make/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(screen.queryByText('Mingda Dyes')).toBeNull();
  });

  it("lists only the supervisor's agency, oldest first, with age, lead and hazards", async () => {
    const { profile: p, user } = signedInAs('supervisor');
    const lead = makeUser({ displayName: 'Li Ming' });
    const names = ['Oldest Dyes', 'Middle Coatings', 'Newest Resins', 'Other Agency Works'];
    const enterprises = names.map((name) => makeEnterprise({ name }));
    const [oldest, middle, newest, other] = enterprises.map((e) => e.id);
    const submitted = (enterpriseId: string | undefined, finishedAt: string, agencyId: string) =>
      makeInspection({
        enterpriseId: enterpriseId ?? newId(),
        finishedAt,
        agencyIds: [agencyId],
        leadInspectorId: lead.id,
      });
    const old = submitted(oldest, '2026-09-01T10:00:00.000+08:00', user.agencyId);
    await p.db.users.put(lead);
    await p.db.enterprises.bulkPut(enterprises);
    await p.db.inspections.bulkPut([
      submitted(newest, '2026-11-20T10:00:00.000+08:00', user.agencyId),
      old,
      submitted(middle, '2026-10-01T10:00:00.000+08:00', user.agencyId),
      submitted(other, '2026-08-01T10:00:00.000+08:00', newId()),
    ]);
    await p.db.findings.bulkPut([
      makeFinding({ inspectionId: old.id, enterpriseId: old.enterpriseId }),
      makeFinding({ inspectionId: old.id, enterpriseId: old.enterpriseId }),
    ]);
    renderQueue(p);
    await waitFor(() => expect(row('Oldest Dyes')).toBeDefined());
    const order = screen
      .getAllByRole('row')
      .filter((r) => r.classList.contains('ant-table-row'))
      .map((r) => names.find((n) => r.textContent?.includes(n)));
    expect(order).toEqual(['Oldest Dyes', 'Middle Coatings', 'Newest Resins']);
    expect(screen.getByText('3 inspections waiting')).toBeTruthy();
    const cells = within(row('Oldest Dyes')!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toContain('Li Ming');
    expect(cells).toContain('2');
    expect(cells.some((c) => /^\d+ days$/.test(c ?? ''))).toBe(true);
    expect(
      within(row('Oldest Dyes')!).getByRole('link', { name: /^Details of Oldest Dyes/ }),
    ).toBeTruthy();
  });

  it('approves the selected inspections after one confirmation, each with its outbox row', async () => {
    const { server, profile: p, user } = signedInAs('supervisor');
    const { approveMe, returnMe } = await twoWaiting(p);
    renderQueue(p);
    await waitFor(() => expect(row('Mingda Dyes')).toBeDefined());
    const person = userEvent.setup();
    const bulk = () => screen.getByRole('button', { name: /^Approve selected/ });
    expect(bulk().hasAttribute('disabled')).toBe(true);

    await person.click(screen.getByRole('checkbox', { name: /^Select Mingda Dyes/ }));
    await person.click(screen.getByRole('checkbox', { name: /^Select Shangyu Coatings/ }));
    expect(bulk().textContent).toContain('Approve selected (2)');
    await person.click(bulk());
    const dialog = await screen.findByRole('dialog', { name: 'Approve 2 inspections?' });
    await person.click(within(dialog).getByRole('button', { name: 'Approve all' }));

    expect(await screen.findByText('2 inspections approved.', {}, SLOW)).toBeTruthy();
    expect(
      await screen.findByText('No inspections are waiting for review.', {}, SLOW),
    ).toBeTruthy();
    for (const id of [approveMe.id, returnMe.id]) {
      expect((await p.db.inspections.get(id))?.review).toMatchObject({
        status: 'approved',
        reviewerId: user.id,
      });
    }
    // Each approval went into the outbox; the sync the approvals start may have pushed it
    // already, so it is either still queued or on the server.
    const reviewOf = (m: { id: string; data: unknown }) => [
      m.id,
      (m.data as { review: { status: string } }).review.status,
    ];
    await waitFor(async () =>
      expect([...(await p.db.outbox.toArray()), ...server.applied].map(reviewOf)).toEqual(
        expect.arrayContaining([
          [approveMe.id, 'approved'],
          [returnMe.id, 'approved'],
        ]),
      ),
    );
  });
});
