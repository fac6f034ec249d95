import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../../../../renderer/src/session/profile';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { replaceConflictLog } from '../../../../../renderer/src/db/repositories/conflict-log';
import { ConflictsScreen } from '../../../../../renderer/src/features/conflicts/ConflictsScreen';
import { fakeConflictLog, makeConflictView } from '../../support/fake-conflicts';
import type { FakeConflictLog } from '../../support/fake-conflicts';
import { fakeFetch } from '../../support/fake-hq';
import { fakeSyncServer } from '../../support/fake-sync-server';
import {
  makeEnterprise,
  makeFinding,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { renderSignedIn } from '../../support/render';

let profile: Profile | undefined;
afterEach(async () => {
  profile?.engine.stop();
  profile?.db.close();
  await profile?.db.delete();
  profile = undefined;
});

/** A signed-in user whose syncs go to stand-ins, with one cached conflict on a hazard's title. */
async function signedInAs(role: 'supervisor' | 'inspector', log: FakeConflictLog) {
  const sync = fakeSyncServer();
  const user = makeUser({
    role,
    username: `${role}.test`,
    ...(role === 'supervisor' ? { certificateNo: null } : {}),
  });
  const p = openProfile(makeSession({ user }), {
    onUnauthorized: () => undefined,
    fetch: fakeFetch((request) => log.handle(request, (r) => sync.handle(r))).fetch,
  });
  profile = p;
  const enterprise = makeEnterprise({ name: 'Mingda Dyes' });
  const finding = makeFinding({ enterpriseId: enterprise.id, title: 'Leaking valve' });
  const winner = makeUser({ displayName: 'Wang Fang' });
  await p.db.enterprises.put(enterprise);
  await p.db.findings.put(finding);
  await p.db.users.put(winner);
  const conflict = makeConflictView({
    recordId: finding.id,
    field: 'responsiblePerson',
    keptValue: 'Zhang San',
    losingValue: { name: 'Li Si', phone: '13800000000' },
    keptUserId: winner.id,
  });
  log.conflicts.set(conflict.id, conflict);
  await replaceConflictLog(p.db, [conflict], new Date('2026-11-29T01:00:00.000Z'));
  return { profile: p, conflict };
}

const card = () =>
  screen.findByRole('region', { name: 'Hazard “Leaking valve” · Responsible person' });

describe('ConflictsScreen', { timeout: 30_000 }, () => {
  it('shows both values readably and restores the overwritten one through the sync', async () => {
    const log = fakeConflictLog();
    const { profile: p, conflict } = await signedInAs('supervisor', log);
    renderSignedIn(<ConflictsScreen />, p);
    const region = await card();
    expect(within(region).getByText('Zhang San')).toBeTruthy();
    expect(within(region).getByText('Mingda Dyes')).toBeTruthy();
    expect(within(region).getByText(/Wang Fang/)).toBeTruthy();
    // The structured value is pretty-printed JSON, one field per line.
    expect(within(region).getByText(/"phone": "13800000000"/).textContent).toContain(
      '{\n  "name": "Li Si",\n',
    );

    await userEvent
      .setup()
      .click(within(region).getByRole('button', { name: 'Restore overwritten' }));
    expect(await screen.findByText('There are no open conflicts.')).toBeTruthy();
    expect(log.conflicts.get(conflict.id)?.resolution).toBe('losing');
    expect(await p.db.conflictChoices.count()).toBe(0);
    expect(await p.db.conflictLog.get(conflict.id)).toMatchObject({ resolution: 'losing' });
  });

  it('says why the server refused a choice, and the supervisor can dismiss it', async () => {
    const log = fakeConflictLog();
    log.refuse = { status: 409, error: 'already_resolved', message: 'resolved' };
    const { profile: p } = await signedInAs('supervisor', log);
    renderSignedIn(<ConflictsScreen />, p);
    const person = userEvent.setup();
    await person.click(within(await card()).getByRole('button', { name: 'Keep current' }));
    expect(
      await within(await card()).findByText(
        'Not applied: Someone else has already resolved this conflict.',
      ),
    ).toBeTruthy();
    await person.click(within(await card()).getByRole('button', { name: 'Dismiss' }));
    await waitFor(async () => expect(await p.db.conflictChoices.count()).toBe(0));
    await waitFor(() => expect(screen.queryByText(/Not applied/)).toBeNull());
  });

  it('tells an inspector that conflicts are for supervisors', async () => {
    const { profile: p } = await signedInAs('inspector', fakeConflictLog());
    renderSignedIn(<ConflictsScreen />, p);
    expect(await screen.findByText(/Conflicts are handled by supervisors/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep current' })).toBeNull();
  });
});
