// A push remembers the enterprises and inspections that earlier batches referred to, and must
// never judge a later batch by what has changed since: its own pushes' writes and a write by
// anyone else (an administrator's tool, another server process) are seen, and a batch that never
// committed leaves nothing behind.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { reportRectification } from '../../domain/rules/rectification';
import { buildApp } from '../../server/src/app';
import { readRecord, writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Device, MutationInput } from '../support/push-fixtures';
import {
  enterpriseFor,
  newFinding,
  push,
  rawPush,
  signIn,
  upsert,
  userIdOf,
} from '../support/push-fixtures';
import { NEVER_STORED, recordState } from '../support/stored-state';
import { completeDraft } from '../support/inspection-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('what a push remembers between batches, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  /** The same database behind an app whose pushes fail just before they would commit. */
  let failing: FastifyInstance;

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    failing = await buildApp({
      db: t.db,
      clock: () => new Date(),
      hooks: {
        beforePushCommit: () => Promise.reject(new Error('injected failure before commit')),
      },
    });
  });
  afterAll(async () => {
    await failing.close();
    await t.close();
  });

  const jurisdiction = () =>
    t.district.users.find((u) => u.record.username === 'inspector.li')?.record.jurisdiction ?? [];

  /** Moves the enterprise to a town outside li's jurisdiction, as an administrator's tool would. */
  async function moveOutOfReach(enterpriseId: string) {
    const outside = enterpriseFor(t.district, 'inspector.li', false);
    const town = t.district.enterprises.find((e) => e.id === outside)?.town;
    if (!town) throw new Error(`no enterprise ${outside}`);
    await t.db.transaction(async (tx) => {
      const enterprise = await readRecord(tx, 'enterprise', enterpriseId);
      if (!enterprise) throw new Error(`no enterprise ${enterpriseId}`);
      await writeRecords(tx, [
        { entity: 'enterprise', data: { ...enterprise, town } as Enterprise },
      ]);
    });
  }

  /**
   * A new inspection of li's at the nth enterprise of li's towns (each test moves its own away),
   * pushed, then referred to (not written) by a second batch.
   */
  async function rememberedInspection(nth: number) {
    const enterprise = t.district.enterprises.filter((e) => jurisdiction().includes(e.town))[nth];
    if (!enterprise) throw new Error(`li's towns have no enterprise number ${nth}`);
    // Complete, so that the test that submits it may.
    const inspection = await completeDraft(
      t,
      li,
      [userIdOf(t.district, 'inspector.wang')],
      enterprise.id,
    );
    const hazard = newFinding(inspection);
    await push(t.app, li, [upsert('inspection', inspection), upsert('finding', hazard)]);
    const again = await push(t.app, li, [upsert('finding', newFinding(inspection))]);
    expect(again.results[0]?.status).toBe('applied');
    return { inspection, hazardId: hazard.id };
  }

  /**
   * li's report that the hazard was rectified, which she may record only in her own towns (taking
   * part in its inspection lets her write the hazard anywhere, but not its rectification).
   */
  async function rectificationReport(hazardId: string) {
    const held = await readRecord(t.db, 'finding', hazardId);
    if (!held) throw new Error(`no hazard ${hazardId}`);
    const today = '2026-11-29';
    const reported = reportRectification(
      held,
      { reportedOn: today, note: '' },
      { userId: li.userId, at: new Date().toISOString(), today },
    );
    return upsert('finding', reported, held.version);
  }

  /** The hazard change pushed now is refused with `code`, and nothing of it stored. */
  async function expectRefused(change: MutationInput, code: string) {
    const before = await recordState(t.db, 'finding', change.id);
    const late = await push(t.app, li, [change]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', reason: { code } });
    expect(await recordState(t.db, 'finding', change.id)).toEqual(before);
  }

  it('judges a batch by an enterprise as it is now, after another writer moved it since an earlier batch read it', async () => {
    const { inspection, hazardId } = await rememberedInspection(0);
    await moveOutOfReach(inspection.enterpriseId);
    await expectRefused(await rectificationReport(hazardId), 'outsideJurisdiction');
  });

  it('judges a batch by an inspection as a batch before it changed it, not as remembered earlier', async () => {
    const { inspection } = await rememberedInspection(2);
    const submitted = await push(t.app, li, [
      upsert(
        'inspection',
        { ...inspection, status: 'submitted', finishedAt: '2026-11-29T10:00:00.000+08:00' },
        0,
      ),
    ]);
    expect(submitted.results[0]?.status).toBe('applied');

    // A hazard added without an amendment to what is now a submitted inspection.
    const hazard = newFinding(inspection);
    await expectRefused(upsert('finding', hazard), 'submittedLocked');
    expect(await recordState(t.db, 'finding', hazard.id)).toEqual(NEVER_STORED);
  });

  it('forgets nothing for a batch that failed before its commit, whose versions others then took', async () => {
    const { inspection, hazardId } = await rememberedInspection(1);
    // A batch that writes several records and rolls back: the versions it took are free again.
    const rolledBack = await rawPush(
      failing,
      li,
      [1, 2, 3].map((n) => ({
        ...upsert('finding', newFinding(inspection)),
        mid: li.nextMid + n - 1,
      })),
    );
    expect(rolledBack.statusCode).toBe(500);
    // The next version goes to the administrator's move, which the next batch must see.
    await moveOutOfReach(inspection.enterpriseId);
    await expectRefused(await rectificationReport(hazardId), 'outsideJurisdiction');
  });
});
