import { describe, expect, it } from 'vitest';
import { createAdminPeopleClient } from '../../../../renderer/src/sync/admin-people-client';
import { createHttpCore } from '../../../../renderer/src/sync/http-core';
import { ApiError, NetworkError, ProtocolError } from '../../../../renderer/src/sync/errors';
import { fakeFetch, json } from '../support/fake-hq';
import type { RecordedRequest } from '../support/fake-hq';
import { adminDevice, adminUser, agencyA, auditEntry } from '../support/admin-fixtures';

function clientOver(handler: (r: RecordedRequest) => Response | Promise<Response>) {
  const hq = fakeFetch(handler);
  const http = createHttpCore({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  return { client: createAdminPeopleClient(http), requests: hq.requests };
}

describe('the administration client (people)', () => {
  it('sends filters as the query and parses the users the server lists', async () => {
    const user = adminUser({ certificateExpiring: true });
    const { client, requests } = clientOver(() => json(200, { users: [user] }));
    const users = await client.listUsers({ search: ' li ', active: 'false', role: 'inspector' });
    expect(users).toEqual([user]);
    const url = requests[0]?.url;
    expect(url?.pathname).toBe('/api/v1/admin/users');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      search: 'li',
      active: 'false',
      role: 'inspector',
    });
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${'t'.repeat(40)}`);
  });

  it('creates a user with the body the domain schema makes, and names a duplicate', async () => {
    const user = adminUser();
    let answer = json(201, { user });
    const { client, requests } = clientOver(() => answer);
    const fields = {
      username: 'Inspector.New',
      displayName: '新检查员',
      role: 'inspector' as const,
      agencyId: agencyA.id,
      jurisdiction: ['330604001'],
      certificateNo: 'AJ-330604-99',
      password: 'first-pass-1',
    };
    await client.createUser(fields);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.body).toEqual({ ...fields, username: 'inspector.new' });

    answer = json(409, {
      error: 'username_taken',
      message: 'A user named "inspector.new" already exists.',
      issues: [{ path: 'username', message: 'is taken by another user' }],
    });
    const refused = await client.createUser(fields).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('username_taken');
    expect((refused as ApiError).issues).toEqual([
      { path: 'username', message: 'is taken by another user' },
    ]);
  });

  it('refuses a bad body before sending anything', async () => {
    const { client, requests } = clientOver(() => json(201, {}));
    await expect(
      client.createUser({
        username: 'x',
        displayName: '',
        role: 'inspector',
        agencyId: agencyA.id,
        jurisdiction: [],
        password: 'short',
      }),
    ).rejects.toThrow();
    await expect(client.createTown({ code: '12', name: 'T', kind: 'town' })).rejects.toThrow();
    expect(requests).toHaveLength(0);
  });

  it('deactivates, resets passwords, revokes and orders wipes at their own paths', async () => {
    const { client, requests } = clientOver(({ url }) => {
      if (url.pathname.endsWith('/deactivate')) return json(200, { active: false });
      if (url.pathname.endsWith('/reset-password')) return json(200, { revokedSessions: 2 });
      if (url.pathname.endsWith('/wipe')) return new Response(null, { status: 202 });
      if (url.pathname.startsWith('/api/v1/admin/sessions/')) {
        return new Response(null, { status: 204 });
      }
      return json(200, { revokedSessions: 1 });
    });
    const device = adminDevice();
    expect(await client.setUserActive(device.user!.id, false)).toBe(false);
    expect(await client.resetPassword(device.user!.id, 'new-first-1')).toBe(2);
    expect(await client.revokeDevice(device.deviceId)).toBe(1);
    await client.revokeSession('a'.repeat(32));
    await client.orderWipe(device.deviceId);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      `POST /api/v1/admin/users/${device.user!.id}/deactivate`,
      `POST /api/v1/admin/users/${device.user!.id}/reset-password`,
      `POST /api/v1/admin/devices/${device.deviceId}/revoke`,
      `POST /api/v1/admin/sessions/${'a'.repeat(32)}/revoke`,
      `POST /api/v1/admin/devices/${device.deviceId}/wipe`,
    ]);
    expect(requests[1]?.body).toEqual({ password: 'new-first-1' });
  });

  it('reads the audit log with its filters, and its workbook as bytes', async () => {
    const { client, requests } = clientOver(({ url }) =>
      url.pathname.endsWith('.xlsx')
        ? new Response(new Uint8Array([0x50, 0x4b, 3, 4]), { status: 200 })
        : json(200, { entries: [auditEntry()] }),
    );
    const filters = { targetKind: 'user' as const, from: '2026-11-01T00:00:00.000+08:00' };
    expect(await client.listAudit(filters)).toHaveLength(1);
    expect(Array.from(await client.exportAudit(filters))).toEqual([0x50, 0x4b, 3, 4]);
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/api/v1/admin/audit',
      '/api/v1/admin/audit.xlsx',
    ]);
    expect(requests[1]?.url.searchParams.get('targetKind')).toBe('user');
  });

  it('says what went wrong: an answer of the wrong shape, an unreachable server', async () => {
    const { client } = clientOver(() => json(200, { devices: [{ deviceId: 'not-an-id' }] }));
    await expect(client.listDevices()).rejects.toBeInstanceOf(ProtocolError);
    const offline = clientOver(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.client.listAgencies()).rejects.toBeInstanceOf(NetworkError);
  });
});
