// The administration API: directory writes with their audit entries, users' first passwords,
// deactivation, password resets, and refusals that change nothing; on both databases.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, getAs, login, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { signIn } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('the administration API on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  let li: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
    li = await signIn(t.app, t.district, 'inspector.li');
  });
  afterAll(() => t.close());

  const send = (method: 'POST' | 'PATCH', url: string, body: unknown, token = admin.token) =>
    t.app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: { 'content-type': 'application/json', ...bearer(token) },
      payload: JSON.stringify(body ?? {}),
    });
  const get = (url: string, token = admin.token) => getAs(t.app, `/api/v1/admin${url}`, token);

  /** Everything an administrative write could change. */
  const state = async () => {
    const [row] = await t.db.query<Record<string, unknown>>(
      `SELECT (SELECT count(*)::int FROM records) AS records,
              (SELECT version FROM sync_state)::int AS version,
              (SELECT count(*)::int FROM admin_actions) AS audit,
              (SELECT count(*)::int FROM credentials) AS credentials,
              (SELECT count(*)::int FROM deactivated_users) AS deactivated,
              (SELECT count(*)::int FROM sessions WHERE revoked_at IS NULL) AS live_sessions`,
    );
    return row;
  };
  const expectRefused = async (
    request: () => Promise<LightMyRequestResponse>,
    status: number,
    code: string,
    path?: string,
  ) => {
    const before = await state();
    const res = await request();
    expect(res.statusCode, res.body).toBe(status);
    const body = errorBody(res);
    expect(body.error).toBe(code);
    if (path) expect(body.issues?.map((i) => i.path)).toContain(path);
    expect(await state()).toEqual(before);
  };

  it('refuses every administration route to anyone but an administrator (admin_only)', async () => {
    await expectRefused(() => get('/users', li.token), 403, 'admin_only');
    await expectRefused(
      () =>
        send('POST', '/agencies', { name: '某局', shortName: '某局', kind: 'safety' }, li.token),
      403,
      'admin_only',
    );
  });

  it('creates and edits agencies, each with an audit entry, and refuses a name taken or a bad field', async () => {
    const created = await send('POST', '/agencies', {
      name: '上虞区消防救援大队',
      shortName: '上虞消防',
      kind: 'safety',
    });
    expect(created.statusCode).toBe(201);
    const agency = created.json<{ agency: { id: string; version: number } }>().agency;
    expect(agency.version).toBeGreaterThan(0);
    const edited = await send('PATCH', `/agencies/${agency.id}`, { shortName: '虞消防' });
    expect(edited.json()).toMatchObject({ agency: { shortName: '虞消防' } });
    const audit = await get(`/audit?targetKind=agency`);
    expect(audit.json<{ entries: { action: string; targetId: string }[] }>().entries).toEqual([
      expect.objectContaining({ action: 'agency.edit', targetId: agency.id }),
      expect.objectContaining({ action: 'agency.create', targetId: agency.id }),
    ]);
    await expectRefused(
      () => send('POST', '/agencies', { name: '另一个局', shortName: '上虞应急', kind: 'safety' }),
      409,
      'agency_name_taken',
      'shortName',
    );
    await expectRefused(
      () => send('POST', '/agencies', { name: '另一个局', shortName: '另局', kind: 'police' }),
      400,
      'invalid_body',
      'kind',
    );
    await expectRefused(
      () => send('PATCH', `/agencies/${agency.id}`, { colour: 'red' }),
      400,
      'invalid_body',
      'colour',
    );
  });

  it('creates and renames towns, and refuses a code outside the district, a code taken, or a change of code', async () => {
    const created = await send('POST', '/towns', { code: '330604120', name: '新镇', kind: 'town' });
    expect(created.statusCode).toBe(201);
    const town = created.json<{ town: { id: string } }>().town;
    const renamed = await send('PATCH', `/towns/${town.id}`, { nameEn: 'Xinzhen Town' });
    expect(renamed.json()).toMatchObject({ town: { code: '330604120', nameEn: 'Xinzhen Town' } });
    await expectRefused(
      () => send('POST', '/towns', { code: '330699001', name: '外区', kind: 'town' }),
      400,
      'invalid_body',
      'code',
    );
    await expectRefused(
      () => send('POST', '/towns', { code: '330604001', name: '重复', kind: 'town' }),
      409,
      'town_code_taken',
      'code',
    );
    await expectRefused(
      () => send('PATCH', `/towns/${town.id}`, { code: '330604121' }),
      400,
      'invalid_body',
      'code',
    );
    const list = await get('/towns');
    expect(list.json()).toMatchObject({ district: { name: '绍兴市上虞区', code: '330604' } });
  });

  const safety = () => t.district.agencies.find((a) => a.kind === 'safety')!.id;

  it('creates a user whose first password must be changed before anything else', async () => {
    const res = await send('POST', '/users', {
      username: 'inspector.new',
      displayName: '新同事',
      role: 'inspector',
      agencyId: safety(),
      jurisdiction: ['330604400'],
      certificateNo: 'ZJ33060419000',
      certificateExpiresOn: '2026-12-20',
      password: 'first-password',
    });
    expect(res.statusCode, res.body).toBe(201);
    const signedIn = await postJson(t.app, '/api/v1/auth/login', {
      username: 'inspector.new',
      password: 'first-password',
      deviceName: 'laptop',
    });
    expect(signedIn.json()).toMatchObject({ passwordChangeRequired: true });
    const token = signedIn.json<{ token: string }>().token;
    const pull = await getAs(t.app, '/api/v1/sync/pull', token);
    expect(pull.statusCode).toBe(403);
    expect(errorBody(pull).error).toBe('password_change_required');
    const wrong = await postJson(
      t.app,
      '/api/v1/auth/change-password',
      { currentPassword: 'not-it', newPassword: 'my-own-password' },
      bearer(token),
    );
    expect(wrong.statusCode).toBe(403);
    const changed = await postJson(
      t.app,
      '/api/v1/auth/change-password',
      { currentPassword: 'first-password', newPassword: 'my-own-password' },
      bearer(token),
    );
    expect(changed.statusCode).toBe(204);
    expect((await getAs(t.app, '/api/v1/sync/pull', token)).statusCode).toBe(200);
    const again = await login(t.app, 'inspector.new', 'my-own-password');
    expect(again).not.toHaveProperty('passwordChangeRequired');
    // Listed with its certificate flagged: it ends within 30 days of the app's today.
    const listed = await get('/users?search=新同事&role=inspector&town=330604400&active=true');
    expect(listed.json<{ users: unknown[] }>().users).toEqual([
      expect.objectContaining({
        username: 'inspector.new',
        certificateExpiring: true,
        active: true,
      }),
    ]);
    expect(
      (await get('/users?role=supervisor'))
        .json<{ users: { role: string }[] }>()
        .users.every((u) => u.role === 'supervisor'),
    ).toBe(true);
  });

  it('refuses a user naming an unknown town or agency, a username taken, or a missing certificate', async () => {
    const base = {
      username: 'inspector.bad',
      displayName: '坏',
      role: 'inspector',
      agencyId: safety(),
      jurisdiction: ['330604400'],
      certificateNo: 'ZJ33060419001',
      password: 'first-password',
    };
    await expectRefused(
      () => send('POST', '/users', { ...base, jurisdiction: ['330604400', '330604998'] }),
      400,
      'invalid_body',
      'jurisdiction.1',
    );
    await expectRefused(
      () => send('POST', '/users', { ...base, agencyId: '0190d000-0000-7000-8000-000000000999' }),
      400,
      'invalid_body',
      'agencyId',
    );
    await expectRefused(
      () => send('POST', '/users', { ...base, username: 'inspector.li' }),
      409,
      'username_taken',
      'username',
    );
    await expectRefused(
      () => send('POST', '/users', { ...base, certificateNo: null }),
      400,
      'invalid_body',
      'certificateNo',
    );
    const wang = t.district.users.find((u) => u.record.username === 'inspector.wang')!.record;
    await expectRefused(
      () => send('PATCH', `/users/${wang.id}`, { jurisdiction: ['330604997'] }),
      400,
      'invalid_body',
      'jurisdiction.0',
    );
  });

  it('edits role, agency, jurisdiction and certificate of a user, with the state before and after in the log', async () => {
    const zhao = t.district.users.find((u) => u.record.username === 'inspector.zhao')!.record;
    const res = await send('PATCH', `/users/${zhao.id}`, {
      jurisdiction: ['330604101'],
      certificateNo: 'ZJ33060420046',
      certificateExpiresOn: '2028-01-31',
    });
    expect(res.json()).toMatchObject({
      user: { jurisdiction: ['330604101'], certificateNo: 'ZJ33060420046' },
    });
    const [entry] = (await get(`/audit?targetKind=user`)).json<{
      entries: {
        action: string;
        before: { jurisdiction: string[] };
        after: { jurisdiction: string[] };
      }[];
    }>().entries;
    expect(entry).toMatchObject({
      action: 'user.edit',
      before: { jurisdiction: zhao.jurisdiction },
      after: { jurisdiction: ['330604101'] },
    });
  });

  it("records an officer's leave with an audit entry, and refuses leave that ends before it starts", async () => {
    const wang = t.district.users.find((u) => u.record.username === 'inspector.wang')!.record;
    await expectRefused(
      () =>
        send('PATCH', `/users/${wang.id}`, {
          leave: [{ from: '2027-03-10', to: '2027-03-01', note: '' }],
        }),
      400,
      'invalid_body',
      'leave.0.to',
    );
    const leave = [{ from: '2027-03-10', to: '2027-03-12', note: '年休假' }];
    const res = await send('PATCH', `/users/${wang.id}`, { leave });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { leave } });
    const [entry] = (await get(`/audit?targetKind=user`)).json<{
      entries: { action: string; targetId: string; after: { leave: unknown } }[];
    }>().entries;
    expect(entry).toMatchObject({ action: 'user.edit', targetId: wang.id, after: { leave } });
  });

  it('deactivates a user: sign-in and sync refused with account_deactivated, records kept; reactivates', async () => {
    const chen = await signIn(t.app, t.district, 'inspector.chen');
    const before = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE created_by = $1::uuid`,
      [chen.userId],
    );
    const res = await send('POST', `/users/${chen.userId}/deactivate`, {});
    expect(res.json()).toEqual({ active: false });
    const pull = await getAs(t.app, '/api/v1/sync/pull', chen.token);
    expect(pull.statusCode).toBe(403);
    expect(errorBody(pull)).toMatchObject({ error: 'account_deactivated' });
    expect(errorBody(pull).message).toMatch(
      /deactivated by an administrator.*Changes waiting on this device are kept/,
    );
    const signInAgain = await postJson(t.app, '/api/v1/auth/login', {
      username: 'inspector.chen',
      password: 'demo12345',
      deviceName: 'x',
    });
    expect(signInAgain.statusCode).toBe(403);
    expect(errorBody(signInAgain).error).toBe('account_deactivated');
    const after = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE created_by = $1::uuid`,
      [chen.userId],
    );
    expect(after).toEqual(before);
    const listed = await get('/users?active=false');
    expect(listed.json<{ users: { username: string }[] }>().users.map((u) => u.username)).toEqual([
      'inspector.chen',
    ]);
    expect((await send('POST', `/users/${chen.userId}/reactivate`, {})).json()).toEqual({
      active: true,
    });
    expect((await getAs(t.app, '/api/v1/sync/pull', chen.token)).statusCode).toBe(200);
    await expectRefused(
      () => send('POST', `/users/${admin.userId}/deactivate`, {}),
      409,
      'own_account',
    );
  });

  it('resets a password: the user is signed out everywhere and must change it', async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const res = await send('POST', `/users/${wang.userId}/reset-password`, {
      password: 'temporary-pw',
    });
    expect(res.json()).toEqual({ revokedSessions: 1 });
    expect((await getAs(t.app, '/api/v1/sync/pull', wang.token)).statusCode).toBe(401);
    const signedIn = await login(t.app, 'inspector.wang', 'temporary-pw');
    expect(signedIn).toMatchObject({ passwordChangeRequired: true });
    await expectRefused(
      () => send('POST', `/users/${wang.userId}/reset-password`, { password: 'short' }),
      400,
      'invalid_body',
      'password',
    );
  });

  it('exports the audit log as an Excel workbook, filtered by actor and time', async () => {
    const res = await get(`/audit.xlsx?actorId=${admin.userId}&from=2000-01-01T00:00:00Z`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const listed = (await get(`/audit?actorId=${admin.userId}`)).json<{ entries: unknown[] }>()
      .entries;
    expect(sheet.rowCount).toBe(listed.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe('系统管理员');
    const none = await get(`/audit?actorId=${li.userId}`);
    expect(none.json()).toEqual({ entries: [] });
    await expectRefused(() => get('/audit?targetKind=planet'), 400, 'invalid_query', 'targetKind');
  });
});
