// Devices and sessions as administrators see and act on them: last contact and sync, the unsent
// changes a device reports, revoking a session or a device, and a wipe that the device learns at
// its next contact, after which it still pushes, acknowledges and is then refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, getAs, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { newInspection, push, rawPush, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

interface DeviceView {
  deviceId: string;
  name: string;
  user: { username: string; certificateExpiring: boolean } | null;
  lastSeenAt: string | null;
  lastSyncAt: string | null;
  unsentCount: number | null;
  revokedAt: string | null;
  wipeOrderedAt: string | null;
  wipedAt: string | null;
  sessions: { id: string; live: boolean }[];
}

describe.each(databaseKinds)('devices, sessions and wipes on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
  });
  afterAll(() => t.close());

  const devices = async () =>
    (await getAs(t.app, '/api/v1/admin/devices', admin.token)).json<{ devices: DeviceView[] }>()
      .devices;
  const deviceOf = async (id: string) => (await devices()).find((d) => d.deviceId === id);
  const act = (url: string) => postJson(t.app, `/api/v1/admin${url}`, {}, bearer(admin.token));

  it('lists every device with its user, contact, last sync and the unsent changes it reported', async () => {
    const li = await signIn(t.app, t.district, 'inspector.li');
    const enterprise = t.district.enterprises.find((e) => e.town === '330604400')!;
    const res = await rawPush(
      t.app,
      li,
      [{ ...upsert('inspection', newInspection(t.district, li.userId, enterprise.id)), mid: 1 }],
      { unsent: 12 },
    );
    expect(res.statusCode).toBe(200);
    const seen = await deviceOf(li.deviceId);
    expect(seen).toMatchObject({
      name: 'inspector.li test device',
      user: { username: 'inspector.li' },
      unsentCount: 12,
    });
    expect(seen?.lastSyncAt).not.toBeNull();
    expect(seen?.sessions).toEqual([expect.objectContaining({ live: true })]);
    const pulled = await getAs(t.app, '/api/v1/sync/pull?unsent=3', li.token);
    expect(pulled.statusCode).toBe(200);
    expect((await deviceOf(li.deviceId))?.unsentCount).toBe(3);
  });

  it('revokes one session, and a device, which a sign-in never takes up again', async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const [session] = (await deviceOf(wang.deviceId))!.sessions;
    expect((await act(`/sessions/${session!.id}/revoke`)).statusCode).toBe(204);
    expect((await getAs(t.app, '/api/v1/sync/pull', wang.token)).statusCode).toBe(401);

    const again = await signIn(t.app, t.district, 'inspector.wang', wang.deviceId);
    expect(again.deviceId).toBe(wang.deviceId);
    expect((await act(`/devices/${wang.deviceId}/revoke`)).json()).toEqual({ revokedSessions: 1 });
    expect((await getAs(t.app, '/api/v1/sync/pull', again.token)).statusCode).toBe(401);
    expect((await deviceOf(wang.deviceId))?.revokedAt).not.toBeNull();
    const fresh = await signIn(t.app, t.district, 'inspector.wang', wang.deviceId);
    expect(fresh.deviceId).not.toBe(wang.deviceId);
  });

  it('orders a wipe: the device is told at its next contact, still pushes, acknowledges, and is refused after', async () => {
    const chen = await signIn(t.app, t.district, 'inspector.chen');
    expect((await getAs(t.app, '/api/v1/sync/pull', chen.token)).json()).not.toHaveProperty('wipe');
    expect((await act(`/devices/${chen.deviceId}/wipe`)).statusCode).toBe(202);
    expect((await deviceOf(chen.deviceId))?.wipeOrderedAt).not.toBeNull();

    const pulled = await getAs(t.app, '/api/v1/sync/pull', chen.token);
    expect(pulled.json()).toMatchObject({ wipe: true });
    // What it still holds is taken before it wipes.
    const enterprise = t.district.enterprises.find((e) => e.town === '330604005')!;
    const inspection = newInspection(t.district, chen.userId, enterprise.id);
    const pushed = await push(t.app, chen, [upsert('inspection', inspection)]);
    expect(pushed.results[0]?.status).toBe('applied');
    expect(pushed.wipe).toBe(true);

    const done = await postJson(
      t.app,
      '/api/v1/sync/wipe-done',
      { deviceId: chen.deviceId },
      bearer(chen.token),
    );
    expect(done.statusCode).toBe(204);
    expect((await deviceOf(chen.deviceId))?.wipedAt).not.toBeNull();
    expect((await getAs(t.app, '/api/v1/sync/pull', chen.token)).statusCode).toBe(401);
    const back = await postJson(t.app, '/api/v1/auth/login', {
      username: 'inspector.chen',
      password: 'demo12345',
      deviceName: 'the same laptop',
      deviceId: chen.deviceId,
    });
    expect(back.statusCode).toBe(403);
    expect(errorBody(back).error).toBe('device_wiped');
    // Without the old id (the wiped device has forgotten it), the user signs in as a new device.
    const anew = await signIn(t.app, t.district, 'inspector.chen');
    expect(anew.deviceId).not.toBe(chen.deviceId);
    expect((await act(`/devices/${chen.deviceId}/wipe`)).statusCode).toBe(409);
  });

  it('refuses a wipe acknowledgement nobody ordered, and another device’s', async () => {
    const zhao = await signIn(t.app, t.district, 'inspector.zhao');
    const unordered = await postJson(
      t.app,
      '/api/v1/sync/wipe-done',
      { deviceId: zhao.deviceId },
      bearer(zhao.token),
    );
    expect(unordered.statusCode).toBe(409);
    expect((await deviceOf(zhao.deviceId))?.wipedAt).toBeNull();
    const other = await postJson(
      t.app,
      '/api/v1/sync/wipe-done',
      { deviceId: admin.deviceId },
      bearer(zhao.token),
    );
    expect(other.statusCode).toBe(403);
  });

  it('flags a certificate that ends within 30 days', async () => {
    const li = t.district.users.find((u) => u.record.username === 'inspector.li')!.record;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${li.id}`,
      headers: { 'content-type': 'application/json', ...bearer(admin.token) },
      payload: JSON.stringify({ certificateExpiresOn: '2026-12-28' }),
    });
    expect(res.statusCode).toBe(200);
    const flagged = (await devices()).filter((d) => d.user?.username === 'inspector.li');
    expect(flagged.every((d) => d.user?.certificateExpiring)).toBe(true);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${li.id}`,
      headers: { 'content-type': 'application/json', ...bearer(admin.token) },
      payload: JSON.stringify({ certificateExpiresOn: '2027-06-30' }),
    });
    const later = (await devices()).filter((d) => d.user?.username === 'inspector.li');
    expect(later.some((d) => d.user?.certificateExpiring)).toBe(false);
  });
});
