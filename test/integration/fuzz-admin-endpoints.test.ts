// Property-based fuzzing of the routes beside sync: the administration API (agencies, towns,
// users, devices and sessions, the audit log, enterprises with their import and export, checklist
// templates and drafts), annual plans and draws, officers' declared conflicts, the document
// register and penalty cases, on both databases, by an inspector, a supervisor, an administrator
// and strangers, with hostile path parameters, queries, bodies and enterprise files. After every
// request: no 5xx, no error body that leaks internals, nothing stored after a refusal or a read,
// nothing of the administration done by anyone but an administrator, and no administrative
// change without its entry in the audit log.
//
// Seeded: FUZZ_SEED picks another seed, FUZZ_RUNS another number of requests per database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../domain/sync/protocol';
import type { Queryable } from '../../server/src/db/database';
import type { DemoApp } from '../support/demo-app';
import { caseOk, submitHazards } from '../support/case-fixtures';
import { bearer, demoApp, expectNoLeak } from '../support/demo-app';
import { adminRecipe, sendAdmin } from '../support/fuzz-admin-routes';
import type { FuzzWorld } from '../support/fuzz-world';
import { openWorld } from '../support/fuzz-world';
import { enterpriseFor, signIn } from '../support/push-fixtures';
import { assertStateful, fuzzSettings } from '../support/fuzz-run';
import { databaseKinds } from '../support/test-databases';

/** FUZZ_STATS=1 prints how often each route gave each answer. */
const FUZZ = fuzzSettings(16_016, 400);

/**
 * What a request could change, table by table (a hash of each), leaving out what merely being
 * signed in moves (a session's and a device's last-seen times) and the sign-in throttle.
 */
async function stored(db: Queryable): Promise<Record<string, string | number>> {
  const hash = (select: string) =>
    `(SELECT coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM (${select}) AS x)`;
  const [row] = await db.query<Record<string, string | number>>(
    `SELECT
       ${hash('SELECT entity, id, version, md5(data::text), town, deleted_at FROM records')} AS records,
       ${hash('SELECT user_id, md5(password_hash), must_change FROM credentials')} AS credentials,
       ${hash('SELECT * FROM deactivated_users')} AS deactivated,
       ${hash('SELECT token_hash, revoked_at FROM sessions')} AS sessions,
       ${hash('SELECT device_id, revoked_at, wipe_ordered_at, wiped_at FROM devices')} AS devices,
       ${hash('SELECT * FROM district')} AS district,
       ${hash('SELECT * FROM template_drafts')} AS drafts,
       ${hash('SELECT * FROM plans')} AS plans,
       ${hash('SELECT * FROM draws')} AS draws,
       ${hash('SELECT * FROM officer_conflicts')} AS conflicts,
       ${hash('SELECT * FROM task_assignees')} AS assignees,
       ${hash('SELECT * FROM document_counters')} AS counters,
       ${hash('SELECT * FROM document_register')} AS register,
       ${hash('SELECT * FROM penalty_cases')} AS cases,
       ${hash('SELECT * FROM risk_overrides')} AS overrides,
       ${hash('SELECT * FROM register_exempt')} AS exempt,
       ${hash('SELECT * FROM gb18218_editions')} AS editions,
       (SELECT coalesce(max(seq), 0)::int FROM history) AS history,
       (SELECT version::int FROM sync_state) AS version,
       (SELECT count(*)::int FROM admin_actions) AS audit`,
  );
  return row!;
}

describe.each(databaseKinds)('administration and planning routes, fuzzed, on %s', (kind) => {
  let t: DemoApp;
  let world: FuzzWorld;
  let exportedCsv: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    world = await openWorld(t);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/enterprises/export?format=csv',
      headers: bearer(world.actors.admin.token),
    });
    exportedCsv = res.body;
    // Penalty cases to act on: one open, one waiting for approval, from major hazards that the
    // server's clock (moved past their deadline) finds overdue.
    const li = await signIn(t.app, t.district, 'inspector.li');
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const safety = await signIn(t.app, t.district, 'supervisor.safety');
    const { findings } = await submitHazards(
      t,
      li,
      [wang.userId],
      enterpriseFor(t.district, 'inspector.li'),
      [
        { grade: 'major', deadline: '2026-12-05' },
        { grade: 'major', deadline: '2026-12-05' },
      ],
    );
    t.setNow(new Date('2026-12-10T09:00:00+08:00'));
    const [first, second] = findings.map((f) => ({
      origin: { kind: 'overdueMajorHazard', recordId: f.id },
      summary: '逾期未整改重大事故隐患',
    }));
    const opened = await caseOk(t, li, '', first);
    await caseOk(t, safety, `/${opened.id}/approval`, { version: 1, approved: true, comment: '' });
    await caseOk(t, li, '', second);
  });
  afterAll(() => t.close());

  it('never answers 5xx or leaks, stores nothing refused, and audits every administrative change', async () => {
    let request = 0;
    const stats = new Map<string, number>();
    const property = fc.asyncProperty(adminRecipe, async (recipe) => {
      request++;
      let before: Record<string, string | number> = {};
      const { res, sent } = await sendAdmin(world, exportedCsv, recipe, async () => {
        before = await stored(t.db);
      });
      const after = await stored(t.db);
      const what = `${sent.route.method} ${sent.route.path} by ${recipe.caller} → ${res.statusCode}`;
      const key = `${sent.route.method} ${sent.route.path} ${sent.actor === 'admin' ? 'admin' : 'other'} ${res.statusCode}`;
      if (FUZZ.stats) stats.set(key, (stats.get(key) ?? 0) + 1);
      expect(res.statusCode, what).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expectNoLeak(res.body);
        expect(errorResponseSchema.safeParse(res.json()).success, `${what}: ${res.body}`).toBe(
          true,
        );
      }
      const changed = Object.keys(after).filter((k) => k !== 'audit' && after[k] !== before[k]);
      if (res.statusCode >= 400 || sent.route.method === 'GET') {
        expect({ what, changed, audit: after.audit }).toEqual({
          what,
          changed: [],
          audit: before.audit,
        });
      }
      // A body the server cannot read is refused before anyone is asked who they are (415, 413,
      // 400); whatever the reason, nobody but an administrator is ever answered with success.
      if (sent.route.path.startsWith('/admin') && sent.actor !== 'admin') {
        expect(res.statusCode, `${what}: ${res.body}`).toBeGreaterThanOrEqual(400);
      }
      if (sent.route.path.startsWith('/admin') && changed.length > 0) {
        expect(
          Number(after.audit),
          `${what} changed ${changed.join(', ')} unaudited`,
        ).toBeGreaterThan(Number(before.audit));
      }
    });
    await assertStateful(property, kind, FUZZ, () => request, stats);
  }, 240_000);
});
