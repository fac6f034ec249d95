// The app's administration client (people) against the real server: an administrator creates an
// inspector, who changes the first password at sign-in; then deactivates them, and the
// inspector's sign-in and sync are refused with account_deactivated. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminPeopleClient } from '../../renderer/src/sync/admin-people-client';
import type { AdminPeopleClient } from '../../renderer/src/sync/admin-people-client';
import { createApiClient } from '../../renderer/src/sync/api-client';
import { changePassword } from '../../renderer/src/sync/change-password';
import { ApiError } from '../../renderer/src/sync/errors';
import { createHttpCore } from '../../renderer/src/sync/http-core';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import { databaseKinds } from '../support/test-databases';

const SERVER = 'https://hq.test';

describe.each(databaseKinds)('the administration client on %s', (kind) => {
  let t: DemoApp;
  let admin: AdminPeopleClient;
  const fetch = injectFetch(() => t.app);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => (e instanceof ApiError ? { status: e.status, code: e.code } : e),
    );
  const count = async (sql: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]?.n;

  beforeAll(async () => {
    t = await demoApp(kind);
    const { token } = await login(t.app, 'admin');
    admin = createAdminPeopleClient(createHttpCore({ serverUrl: SERVER, token, fetch }));
  });
  afterAll(() => t.close());

  it('creates a user → first password changed → deactivated → sign-in and sync refused', async () => {
    const [agency] = await admin.listAgencies();
    const { towns } = await admin.listTowns();
    const fields = {
      username: 'inspector.new',
      displayName: '新检查员',
      role: 'inspector' as const,
      agencyId: agency!.id,
      jurisdiction: [towns[0]!.code],
      certificateNo: 'AJ-330604-77',
      certificateExpiresOn: '2026-12-10',
      password: 'first-pass-1',
    };
    const created = await admin.createUser(fields);
    const listed = await admin.listUsers({ search: 'inspector.new' });
    expect(
      listed.map((u) => [u.id, u.active, u.mustChangePassword, u.certificateExpiring]),
    ).toEqual([[created.id, true, true, true]]);

    // A duplicate username is refused and nothing is stored.
    const users = await count(`records WHERE entity = 'user'`);
    expect(await refusal(admin.createUser({ ...fields, certificateNo: 'AJ-330604-78' }))).toEqual({
      status: 409,
      code: 'username_taken',
    });
    expect(await count(`records WHERE entity = 'user'`)).toBe(users);

    // The first sign-in must change the password before anything else is served.
    const device = createApiClient({ serverUrl: SERVER, fetch });
    const first = await device.login({
      username: 'inspector.new',
      password: 'first-pass-1',
      deviceName: 'laptop',
    });
    expect(first.passwordChangeRequired).toBe(true);
    const signedIn = createApiClient({ serverUrl: SERVER, token: first.token, fetch });
    expect(await refusal(signedIn.pull({ cursor: null }))).toEqual({
      status: 403,
      code: 'password_change_required',
    });
    expect(
      await refusal(
        changePassword(signedIn.http, {
          currentPassword: 'wrong-pass-1',
          newPassword: 'own-pass-22',
        }),
      ),
    ).toEqual({ status: 403, code: 'wrong_password' });
    await changePassword(signedIn.http, {
      currentPassword: 'first-pass-1',
      newPassword: 'own-pass-22',
    });
    expect((await signedIn.me()).user.id).toBe(created.id);
    await signedIn.pull({ cursor: null });

    // Deactivated: the sign-in and the sync of the device already signed in are refused.
    expect(await admin.setUserActive(created.id, false)).toBe(false);
    expect(
      await refusal(
        device.login({ username: 'inspector.new', password: 'own-pass-22', deviceName: 'laptop' }),
      ),
    ).toEqual({ status: 403, code: 'account_deactivated' });
    expect(await refusal(signedIn.pull({ cursor: null }))).toEqual({
      status: 403,
      code: 'account_deactivated',
    });
    expect((await admin.listUsers({ active: 'false' })).map((u) => u.id)).toContain(created.id);
    const [entry] = await admin.listAudit({ targetKind: 'user', limit: 1 });
    expect(entry).toMatchObject({
      action: 'user.deactivate',
      targetId: created.id,
      before: { active: true },
      after: { active: false },
    });
    const workbook = await admin.exportAudit({ targetKind: 'user' });
    expect(Array.from(workbook.slice(0, 2))).toEqual([0x50, 0x4b]);

    // Reactivated, the same password signs in again.
    expect(await admin.setUserActive(created.id, true)).toBe(true);
    await device.login({
      username: 'inspector.new',
      password: 'own-pass-22',
      deviceName: 'laptop',
    });
  });

  it('lists the devices with their sessions, and refuses an administrator deactivating themself', async () => {
    const devices = await admin.listDevices();
    const mine = devices.find((d) => d.user?.username === 'admin');
    expect(mine?.sessions.some((s) => s.live)).toBe(true);
    const deactivated = await count('deactivated_users');
    expect(await refusal(admin.setUserActive(mine!.user!.id, false))).toEqual({
      status: 409,
      code: 'own_account',
    });
    expect(await count('deactivated_users')).toBe(deactivated);
  });
});
