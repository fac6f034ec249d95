import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { MutationResult } from '../../domain/sync/protocol';
import { buildApp } from '../../server/src/app';
import type { Database, Queryable } from '../../server/src/db/database';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  enterpriseFor,
  newFinding,
  newInspection,
  rawPush,
  signIn,
  upsert,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

/**
 * Which statement fails, by the number of the transaction in the request and of the statement:
 * as the database failing (`'server'`), or as the database refusing the data (`'data'`).
 */
type FailurePlan = (
  transaction: number,
  statement: number,
  sql: string,
) => 'server' | 'data' | null;

/** A data exception, as the database raises it for a value it cannot hold. */
const dataRefusal = () =>
  Object.assign(new Error('injected refusal of the data'), { code: '22P05' });

/** The same database, except that the statements `plan` names throw instead of running. */
function failingDatabase(
  db: Database,
  plan: { fails: FailurePlan; transactions: number },
): Database {
  return {
    ...db,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) =>
      db.transaction((tx) => {
        const transaction = ++plan.transactions;
        let count = 0;
        const wrapped: Queryable = {
          query: (sql, params) => {
            count++;
            const failure = plan.fails(transaction, count, sql);
            if (failure === 'data') return Promise.reject(dataRefusal());
            if (failure === 'server') return Promise.reject(new Error('injected database failure'));
            return tx.query(sql, params);
          },
        };
        return fn(wrapped);
      }),
  };
}

describe.each(databaseKinds)('a push batch never leaves half a mutation on %s', (kind) => {
  let t: DemoApp;
  let failing: FastifyInstance;
  const plan = { fails: (() => null) as FailurePlan, transactions: 0 };
  beforeAll(async () => {
    t = await demoApp(kind);
    failing = await buildApp({ db: failingDatabase(t.db, plan), clock: () => new Date() });
  });
  afterAll(async () => {
    await failing.close();
    await t.close();
  });

  const numbered = (inspections: ReturnType<typeof newInspection>[]) =>
    [
      ...inspections.map((i) => upsert('inspection', i)),
      ...inspections.map((i) => upsert('finding', newFinding(i))),
    ].map((m, i) => ({ ...m, mid: i + 1 }));

  /** A new device of inspector.li and a batch of new inspections, each with a hazard. */
  async function freshBatch(): Promise<{ device: Device; mutations: ReturnType<typeof numbered> }> {
    const device = await signIn(t.app, t.district, 'inspector.li');
    const enterpriseId = enterpriseFor(t.district, 'inspector.li');
    const inspections = Array.from({ length: 2 }, () =>
      newInspection(t.district, device.userId, enterpriseId),
    );
    return { device, mutations: numbered(inspections) };
  }

  const version = async () =>
    (await t.db.query<{ version: number }>('SELECT version FROM sync_state'))[0]?.version ?? -1;

  /**
   * Sends the batch through the failing app and checks what it left: after a 5xx nothing at all;
   * after a 200, exactly the mutations answered applied, each with its record and history, and
   * the answers kept. Returns the answer's statuses.
   */
  async function pushAndCheck(label: string): Promise<MutationResult['status'][] | 'failed'> {
    const { device, mutations } = await freshBatch();
    const before = await version();
    plan.transactions = 0;
    const res = await rawPush(failing, device, mutations);
    plan.fails = () => null;
    expect(res.body, label).not.toMatch(/injected|at |\.ts:/);
    const ids = mutations.map((m) => m.id);
    const [counts] = await t.db.query<{ records: number; history: number; results: number }>(
      `SELECT (SELECT count(*)::int FROM records WHERE id IN
                 (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))) AS records,
              (SELECT count(*)::int FROM history WHERE device_id = $2::uuid) AS history,
              (SELECT count(*)::int FROM mutation_results WHERE device_id = $2::uuid) AS results`,
      [JSON.stringify(ids), device.deviceId],
    );
    const [stored] = await t.db.query<{ last_mid: number }>(
      'SELECT last_mid FROM devices WHERE device_id = $1::uuid',
      [device.deviceId],
    );
    if (res.statusCode !== 200) {
      expect(res.statusCode, label).toBe(500);
      expect(counts, label).toEqual({ records: 0, history: 0, results: 0 });
      expect(await version(), label).toBe(before);
      expect(stored?.last_mid ?? 0, label).toBe(0);
      return 'failed';
    }
    const { results } = res.json<{ results: MutationResult[] }>();
    const applied = results.filter((r) => r.status === 'applied');
    for (const r of results) {
      if (r.status === 'applied') continue;
      expect(r.status, label).toBe('rejected');
      // Refused by the database, or a hazard whose inspection was.
      expect(['storeFailed', 'unknownInspection'], label).toContain(r.reason?.code);
    }
    expect(counts, label).toEqual({
      records: applied.length,
      history: applied.length,
      results: mutations.length,
    });
    expect(await version(), label).toBe(before + applied.length);
    expect(stored?.last_mid, label).toBe(mutations.length);
    // Sent again, the batch is answered as the first time and changes nothing.
    const again = await rawPush(t.app, device, mutations);
    expect(again.json<{ results: MutationResult[] }>().results, label).toEqual(
      results.map((r) => ({ ...r, status: 'duplicate' })),
    );
    expect(await version(), label).toBe(before + applied.length);
    return results.map((r) => r.status);
  }

  it('fails whole, leaving nothing, when the database fails at any statement', async () => {
    for (let n = 1; ; n++) {
      plan.fails = (_, statement) => (statement === n ? 'server' : null);
      const statuses = await pushAndCheck(`statement ${n}`);
      if (statuses !== 'failed') {
        expect(statuses.every((s) => s === 'applied')).toBe(true);
        // It failed at each statement before this one, and a push takes several (lock the
        // device, the version counter, read, write records, history, answers, lastMid): a
        // failure that was never injected would end the loop at once.
        expect(n - 1, 'statements that failed the batch').toBeGreaterThanOrEqual(7);
        break;
      }
      expect(n).toBeLessThan(60);
    }
  });

  it('refuses only the mutation whose data the database refuses, at each statement of applying them one by one', async () => {
    const outcomes = new Set<string>();
    for (let n = 1; ; n++) {
      // The batch's writes are refused; applied again, statement n is refused too.
      plan.fails = (transaction, statement, sql) =>
        (transaction === 1 ? /INSERT INTO records/.test(sql) : statement === n) ? 'data' : null;
      const statuses = await pushAndCheck(`isolated statement ${n}`);
      outcomes.add(statuses === 'failed' ? 'failed' : statuses.join());
      if (statuses !== 'failed' && statuses.every((s) => s === 'applied')) break;
      expect(n).toBeLessThan(150);
    }
    // Refusals outside the mutations (the device's numbering) failed the batch; inside one, only
    // that mutation was refused.
    expect(outcomes.has('failed')).toBe(true);
    expect([...outcomes].some((o) => o.includes('rejected'))).toBe(true);
  });
});
