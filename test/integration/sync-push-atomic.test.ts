import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import type { Database, Queryable } from '../../server/src/db/database';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import {
  enterpriseFor,
  newFinding,
  newInspection,
  rawPush,
  signIn,
  upsert,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

/** The same database, except that statement number `failAt` inside a transaction throws. */
function failingDatabase(db: Database, failAt: { n: number }): Database {
  return {
    ...db,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) =>
      db.transaction((tx) => {
        let count = 0;
        const wrapped: Queryable = {
          query: (sql, params) => {
            count++;
            if (count === failAt.n) return Promise.reject(new Error('injected database failure'));
            return tx.query(sql, params);
          },
        };
        return fn(wrapped);
      }),
  };
}

describe.each(databaseKinds)('a push batch is all or nothing on %s', (kind) => {
  let t: DemoApp;
  let failing: FastifyInstance;
  const failAt = { n: 0 };
  beforeAll(async () => {
    t = await demoApp(kind);
    failing = await buildApp({ db: failingDatabase(t.db, failAt), clock: () => new Date() });
  });
  afterAll(async () => {
    await failing.close();
    await t.close();
  });

  it('leaves nothing of a batch that fails in the middle, and a retry applies it exactly once', async () => {
    const li = await signIn(t.app, t.district, 'inspector.li');
    const enterpriseId = enterpriseFor(t.district, 'inspector.li');
    const inspections = Array.from({ length: 20 }, () =>
      newInspection(t.district, li.userId, enterpriseId),
    );
    const findings = inspections.map((i) => newFinding(i));
    const mutations = [
      ...inspections.map((i) => upsert('inspection', i)),
      ...findings.map((f) => upsert('finding', f)),
    ].map((m, i) => ({ ...m, mid: i + 1 }));
    const [state] = await t.db.query<{ version: number }>('SELECT version FROM sync_state');

    // Fail each statement of the push transaction in turn: every time, nothing is left.
    let failed = 0;
    for (let n = 1; ; n++) {
      failAt.n = n;
      const res = await rawPush(failing, li, mutations);
      if (res.statusCode === 200) break;
      failed++;
      expect(res.statusCode, res.body).toBe(500);
      expect(res.body).not.toMatch(/injected|at |\.ts:/);
      const [counts] = await t.db.query<{ records: number; history: number; results: number }>(
        `SELECT (SELECT count(*)::int FROM records WHERE id IN
                   (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))) AS records,
                (SELECT count(*)::int FROM history WHERE device_id = $2::uuid) AS history,
                (SELECT count(*)::int FROM mutation_results WHERE device_id = $2::uuid) AS results`,
        [JSON.stringify(mutations.map((m) => m.id)), li.deviceId],
      );
      expect(counts, `failure at statement ${n}`).toEqual({ records: 0, history: 0, results: 0 });
      const [after] = await t.db.query<{ version: number }>('SELECT version FROM sync_state');
      expect(after).toEqual(state);
      const [device] = await t.db.query<{ last_mid: number }>(
        'SELECT last_mid FROM devices WHERE device_id = $1::uuid',
        [li.deviceId],
      );
      expect(device?.last_mid ?? 0).toBe(0);
      expect(n).toBeLessThan(50);
    }
    // The loop ended with a batch that went through (the failure point lay past its last
    // statement), after failing at each statement before it: a push takes several (lock the
    // device, the version counter, read, write records, history, answers, lastMid).
    expect(failed).toBeGreaterThanOrEqual(7);
    // Sending it again answers duplicates and changes nothing.
    const again = await rawPush(t.app, li, mutations);
    expect(again.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(
      mutations.map(() => 'duplicate'),
    );
    const [history] = await t.db.query<{ n: number; distinct: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT mid)::int AS distinct FROM history WHERE device_id = $1::uuid',
      [li.deviceId],
    );
    expect(history).toEqual({ n: mutations.length, distinct: mutations.length });
  });
});
