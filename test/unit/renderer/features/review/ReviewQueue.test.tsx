import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../../../../renderer/src/app/profile';
import type { Profile } from '../../../../../renderer/src/app/profile';
import { ReviewQueue } from '../../../../../renderer/src/features/review/ReviewQueue';
import { fakeFetch } from '../../support/fake-hq';
import { fakeSyncServer } from '../../support/fake-sync-server';
import { makeEnterprise, makeInspection, makeSession, makeUser } from '../../support/fixtures';
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
function signedInAs(role: 'supervisor' | 'inspector') {
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

const row = (name: string) =>
  screen
    .queryAllByRole('row')
    .find((r) => r.classList.contains('ant-table-row') && r.textContent?.includes(name));

describe('ReviewQueue', { timeout: 30_000 }, () => {
  it('approves one inspection and returns another only with a comment; both are pushed', async () => {
    const { server, user, profile: p } = signedInAs('supervisor');
    const { approveMe, returnMe } = await twoWaiting(p);
    renderSignedIn(<ReviewQueue />, p);
    await waitFor(() => expect(row('Mingda Dyes')).toBeDefined());
    expect(row('Shangyu Coatings')).toBeDefined();
    const person = userEvent.setup();

    await person.click(within(row('Mingda Dyes')!).getByRole('button', { name: /^Approve/ }));
    await waitFor(() => expect(row('Mingda Dyes')).toBeUndefined());
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
    await waitFor(() => expect(row('Shangyu Coatings')).toBeUndefined());
    expect((await p.db.inspections.get(returnMe.id))?.review).toMatchObject({
      status: 'returned',
      comment: 'Sign the record.',
      reviewerId: user.id,
    });
    expect(await screen.findByText('No inspections are waiting for review.')).toBeTruthy();

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
    renderSignedIn(<ReviewQueue />, p);
    expect(await screen.findByText(/Review is for supervisors and administrators/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });
});
