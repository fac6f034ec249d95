// Fault test: the real server process on the embedded database is killed (SIGKILL) while a push
// batch is written but not committed. After a restart on the same data directory, the re-sent
// batch is applied exactly once: nothing lost, nothing duplicated.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import { embeddedDatabaseDir } from '../../server/src/db/open';
import { openPgliteDirectory } from '../../server/src/db/pglite';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { postOverHttp, signInOverHttp, startServerProcess } from '../support/server-process';
import { newInspectionsBatch } from '../support/push-fixtures';

describe('the server killed in the middle of a push batch', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fi-kill-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the re-sent batch exactly once after a restart', { timeout: 180_000 }, async () => {
    const mutations = newInspectionsBatch(buildDemoDistrict(new Date()), 250);

    const first = await startServerProcess(dataDir, { FI_TEST_PUSH_DELAY_MS: '600000' });
    running.push(first.child);
    const login = await signInOverHttp(first.url);
    expect(login.status).toBe(200);
    const deviceId = String(login.body.deviceId);
    const batch = { deviceId, schemaVersion: SCHEMA_VERSION, mutations };
    const inFlight = postOverHttp(
      `${first.url}/api/v1/sync/push`,
      batch,
      String(login.body.token),
    ).then(
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
    const again = await signInOverHttp(second.url, deviceId);
    expect(again.body.deviceId).toBe(deviceId);
    const token = String(again.body.token);
    const resent = pushResponseSchema.parse(
      (await postOverHttp(`${second.url}/api/v1/sync/push`, batch, token)).body,
    );
    expect(resent.lastMid).toBe(mutations.length);
    expect(new Set(resent.results.map((r) => r.status))).toEqual(new Set(['applied']));
    const duplicate = pushResponseSchema.parse(
      (await postOverHttp(`${second.url}/api/v1/sync/push`, batch, token)).body,
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
