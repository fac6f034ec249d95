// Fault test: the real server process on the embedded database is killed (SIGKILL) while a push
// batch is written but not committed. After a restart on the same data directory, the re-sent
// batch is applied exactly once: nothing lost, nothing duplicated.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../domain/sync/protocol';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import { embeddedDatabaseDir } from '../../server/src/db/open';
import { openPgliteDirectory } from '../../server/src/db/pglite';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { DEMO_PASSWORD_FOR_TESTS } from '../support/demo-app';
import { startServerProcess } from '../support/server-process';
import {
  enterpriseFor,
  newFinding,
  newInspection,
  upsert,
  userIdOf,
} from '../support/push-fixtures';

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the server killed in the middle of a push batch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fi-kill-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the re-sent batch exactly once after a restart', { timeout: 180_000 }, async () => {
    const district = buildDemoDistrict(new Date());
    const userId = userIdOf(district, 'inspector.li');
    const enterpriseId = enterpriseFor(district, 'inspector.li');
    const mutations: Mutation[] = Array.from({ length: 250 }, () =>
      newInspection(district, userId, enterpriseId),
    )
      .flatMap((i) => [upsert('inspection', i), upsert('finding', newFinding(i))])
      .map((m, index) => ({ ...m, mid: index + 1 }));

    const first = await startServerProcess(dataDir, { FI_TEST_PUSH_DELAY_MS: '600000' });
    running.push(first.child);
    const login = await post(`${first.url}/api/v1/auth/login`, {
      username: 'inspector.li',
      password: DEMO_PASSWORD_FOR_TESTS,
      deviceName: 'field laptop',
    });
    expect(login.status).toBe(200);
    const deviceId = String(login.body.deviceId);
    const batch = { deviceId, schemaVersion: SCHEMA_VERSION, mutations };
    const inFlight = post(`${first.url}/api/v1/sync/push`, batch, String(login.body.token)).then(
      () => 'answered',
      () => 'connection lost',
    );
    await first.waitFor('test hook: push batch written, not committed');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(await inFlight).toBe('connection lost');

    const second = await startServerProcess(dataDir);
    running.push(second.child);
    // The device signs in again and keeps its numbering: nothing of the batch was committed.
    const again = await post(`${second.url}/api/v1/auth/login`, {
      username: 'inspector.li',
      password: DEMO_PASSWORD_FOR_TESTS,
      deviceName: 'field laptop',
      deviceId,
    });
    expect(again.body.deviceId).toBe(deviceId);
    const token = String(again.body.token);
    const resent = pushResponseSchema.parse(
      (await post(`${second.url}/api/v1/sync/push`, batch, token)).body,
    );
    expect(resent.lastMid).toBe(mutations.length);
    expect(new Set(resent.results.map((r) => r.status))).toEqual(new Set(['applied']));
    const duplicate = pushResponseSchema.parse(
      (await post(`${second.url}/api/v1/sync/push`, batch, token)).body,
    );
    expect(new Set(duplicate.results.map((r) => r.status))).toEqual(new Set(['duplicate']));

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const db = await openPgliteDirectory(embeddedDatabaseDir(dataDir));
    try {
      const [counts] = await db.query<{
        records: number;
        history: number;
        mids: number;
        last: number;
      }>(
        `SELECT (SELECT count(*)::int FROM records WHERE id IN
                   (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))) AS records,
                (SELECT count(*)::int FROM history WHERE device_id = $2::uuid) AS history,
                (SELECT count(DISTINCT mid)::int FROM history WHERE device_id = $2::uuid) AS mids,
                (SELECT last_mid::int FROM devices WHERE device_id = $2::uuid) AS last`,
        [JSON.stringify(mutations.map((m) => m.id)), deviceId],
      );
      expect(counts).toEqual({
        records: mutations.length,
        history: mutations.length,
        mids: mutations.length,
        last: mutations.length,
      });
    } finally {
      await db.close();
    }
  });
});
