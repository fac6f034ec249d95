// A database error while one mutation of a batch is stored refuses that mutation (storeFailed)
// and applies the rest; the batch never fails whole. The errors are real database errors, raised
// by triggers this test creates in its own database on the records, history, conflicts and
// results tables: the server has no hook for them.
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../domain/sync/protocol';
import { REFUSAL_TEXTS } from '../../domain/sync/refusals';
import type { DemoApp } from '../support/demo-app';
import { expectNoLeak } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspectionOf,
  push,
  rawPush,
  signIn,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const MARK = 'STORE-REFUSED';

/** A trigger on `table` that raises an error for each row `condition` (SQL on NEW) holds for. */
async function refuseRows(t: DemoApp, table: string, condition: string): Promise<void> {
  await t.db.query(
    `CREATE FUNCTION test_refuse_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${condition} THEN RAISE EXCEPTION 'the test refuses this % row', TG_TABLE_NAME; END IF;
       RETURN NEW;
     END $$`,
  );
  await t.db.query(
    `CREATE TRIGGER test_refuse BEFORE INSERT OR UPDATE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION test_refuse_${table}()`,
  );
}

async function dropRefusals(t: DemoApp): Promise<void> {
  for (const table of ['records', 'history', 'conflicts', 'mutation_results']) {
    await t.db.query(`DROP TRIGGER IF EXISTS test_refuse ON ${table}`);
    await t.db.query(`DROP FUNCTION IF EXISTS test_refuse_${table}()`);
  }
}

const storeFailed: Partial<MutationResult> = {
  status: 'rejected',
  reason: { code: 'storeFailed' },
  error: REFUSAL_TEXTS.storeFailed,
};

describe.each(databaseKinds)('a mutation the database refuses to store, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', undefined, (app, device) => {
    t = app;
    li = device;
  });
  afterEach(() => dropRefusals(t));

  const stored = async (ids: string[]) =>
    (
      await t.db.query<{ id: string; title: string | null; history: number }>(
        `SELECT r.id::text AS id, r.data->>'title' AS title,
           (SELECT count(*)::int FROM history h WHERE h.entity = r.entity AND h.id = r.id) AS history
         FROM records r WHERE r.id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ids)],
      )
    ).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

  /** A new inspection and three hazards of it, the second marked for the trigger. */
  const batchWithMarkedHazard = () => {
    const inspection = newInspectionOf(t.district, li);
    const findings = ['first', `${MARK} second`, 'third'].map((title) =>
      newFinding(inspection, { title }),
    );
    return { inspection, findings };
  };

  it.each([
    ['records', `NEW.data->>'title' LIKE '%${MARK}%'`],
    ['history', `NEW.after->>'title' LIKE '%${MARK}%'`],
  ])(
    'refuses only the mutation whose %s row the database refuses, and applies the others',
    async (table, condition) => {
      await refuseRows(t, table, condition);
      const { inspection, findings } = batchWithMarkedHazard();
      const [one, marked, three] = findings;
      const res = await push(t.app, li, [
        upsert('inspection', inspection),
        ...findings.map((f) => upsert('finding', f)),
      ]);
      expect(res.results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
        'rejected',
        'applied',
      ]);
      expect(res.results[2]).toMatchObject(storeFailed);
      expectNoLeak(JSON.stringify(res));
      expect(JSON.stringify(res)).not.toMatch(/test refuses|trigger/);
      // Each applied mutation is stored with its history; the refused one left nothing.
      expect(await stored([inspection.id, one!.id, marked!.id, three!.id])).toEqual([
        { id: inspection.id, title: null, history: 1 },
        { id: one!.id, title: 'first', history: 1 },
        { id: three!.id, title: 'third', history: 1 },
      ]);
      // The answers are kept, so the same batch sent again is answered as the first time.
      const again = await rawPush(t.app, li, res.mutations);
      expect(again.statusCode).toBe(200);
      expect(again.json<{ results: MutationResult[] }>().results).toEqual(
        res.results.map((r) => ({ ...r, status: 'duplicate' })),
      );
    },
  );

  it('refuses a mutation whose conflict row the database refuses, and keeps the record as it was', async () => {
    await refuseRows(t, 'conflicts', `NEW.kept_value::text LIKE '%${MARK}%'`);
    const other = await signIn(t.app, t.district, 'inspector.li');
    const inspection = newInspectionOf(t.district, li);
    const finding = newFinding(inspection, { title: 'as first written' });
    const created = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    const base = created.results[1]!.version!;
    // Another device of the same officer changes the title; this one, unaware, changes it too.
    await push(t.app, other, [
      upsert('finding', { ...finding, title: 'from the other device' }, base),
    ]);
    const res = await push(t.app, li, [
      upsert('finding', { ...finding, title: `${MARK} from this device` }, base),
      upsert('finding', newFinding(inspection, { title: 'a new one' })),
    ]);
    expect(res.results[0]).toMatchObject(storeFailed);
    expect(res.results[1]?.status).toBe('applied');
    expect((await stored([finding.id]))[0]?.title).toBe('from the other device');
    const [conflicts] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM conflicts WHERE record_id = $1::uuid',
      [finding.id],
    );
    expect(conflicts?.n).toBe(0);
  });

  it('refuses a mutation whose answer the database refuses to keep', async () => {
    const { inspection, findings } = batchWithMarkedHazard();
    const mids = { first: li.nextMid };
    await refuseRows(
      t,
      'mutation_results',
      `NEW.device_id = '${li.deviceId}'::uuid AND NEW.mid = ${mids.first + 2}
       AND NEW.result->>'status' = 'applied'`,
    );
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      ...findings.map((f) => upsert('finding', f)),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    expect(res.results[2]).toMatchObject({ mid: mids.first + 2, ...storeFailed });
    expect((await stored([findings[1]!.id])).length).toBe(0);
  });

  it('refuses what follows from a refused mutation by the usual rules: a hazard of an inspection that was not stored', async () => {
    await refuseRows(t, 'records', `NEW.data->'enterpriseRep'->>'name' = '${MARK}'`);
    const inspection = newInspectionOf(t.district, li, {
      enterpriseRep: { name: MARK, title: 'manager' },
    });
    const finding = newFinding(inspection);
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    expect(res.results[0]).toMatchObject(storeFailed);
    expect(res.results[1]).toMatchObject({
      status: 'rejected',
      reason: { code: 'unknownInspection' },
    });
    expect(await stored([inspection.id, finding.id])).toEqual([]);
  });
});
