// The grading snapshot a submission keeps (server/src/sync/grading-snapshot-rules.ts): the server
// grades the snapshot's units again with the table version it names and refuses a stated level
// they do not give, or a version it does not hold; an inspection submitted without one (an older
// device) is taken as before; the snapshot is made with the submission and never changed after.
// Every refusal leaves the stored record as it was. The app's own submission (the renderer's
// repositories, outbox and sync on fake-indexeddb) is taken with its snapshot.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../domain/data/gb18218-table';
import { buildGradingSnapshot } from '../../domain/rules/grading-snapshot';
import type { CurrentEdition } from '../../domain/schemas/gb18218-edition';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { GradingSnapshot } from '../../domain/schemas/grading-snapshot';
import type { Inspection } from '../../domain/schemas/inspection';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { createInspection, setItemResult } from '../../renderer/src/db/repositories/inspections';
import { createApiClient } from '../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login } from '../support/demo-app';
import { FINISHED_AT, completeDraft, storedInspection } from '../support/inspection-fixtures';
import { injectFetch } from '../support/inject-fetch';
import { send } from '../support/plan-fixtures';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';
import {
  setEnterpriseRep,
  signInspection,
  submitInspection,
} from '../../renderer/src/db/repositories/inspection-signing';

describe.each(databaseKinds)('the grading snapshot of a submission, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let enterprise: Enterprise;
  let honest: GradingSnapshot;

  /** A complete draft stored on the server, and the submission of it to send. */
  async function storedDraft(): Promise<Inspection> {
    const draft = await completeDraft(t, li, [wang.userId], enterprise.id);
    const res = await push(t.app, li, [upsert('inspection', draft)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
    return (await storedInspection(t, draft.id)).data;
  }
  const submitted = (draft: Inspection, snapshot?: GradingSnapshot) =>
    upsert('inspection', {
      ...draft,
      status: 'submitted',
      finishedAt: FINISHED_AT,
      ...(snapshot ? { gradingSnapshot: snapshot } : {}),
    });

  /** Pushes the submission and expects it refused with `code`, the stored draft unchanged. */
  async function expectRefused(draft: Inspection, snapshot: GradingSnapshot, code: string) {
    const before = await storedInspection(t, draft.id);
    const res = await push(t.app, li, [submitted(draft, snapshot)]);
    expect([res.results[0]?.status, res.results[0]?.reason?.code]).toEqual(['rejected', code]);
    const after = await storedInspection(t, draft.id);
    expect(after).toEqual(before);
    expect(after.data.status).toBe('draft');
    expect(after.data.gradingSnapshot).toBeUndefined();
  }

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    const towns = t.district.users.find((u) => u.record.username === 'inspector.li')?.record
      .jurisdiction;
    const inTowns = t.district.enterprises.filter((e) => towns?.includes(e.town));
    // The enterprise of li's towns that holds the most: its grading says something.
    const found = [...inTowns].sort(
      (a, b) =>
        b.units.flatMap((u) => u.holdings).length - a.units.flatMap((u) => u.holdings).length,
    )[0];
    if (!found) throw new Error('no enterprise in li’s towns');
    enterprise = found;
    honest = buildGradingSnapshot(enterprise, FINISHED_AT, defaultGb18218Table);
    expect(honest.units.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('refuses a snapshot stating a level its units do not give', async () => {
    const draft = await storedDraft();
    const forged = honest.level === 1 ? 2 : 1;
    await expectRefused(draft, { ...honest, level: forged }, 'gradingMismatch');
    if (honest.units.length > 0) {
      const unitLevels = honest.unitLevels.map((l) => (l === 1 ? 2 : 1));
      await expectRefused(draft, { ...honest, unitLevels }, 'gradingMismatch');
    }
  });

  it('refuses a snapshot graded with a table version the server does not hold', async () => {
    const draft = await storedDraft();
    const version = { ...honest.tableVersion, id: 'gb18218-2018.district.2', revision: 2 };
    await expectRefused(draft, { ...honest, tableVersion: version }, 'gradingVersionUnknown');
  });

  it('takes a submission without a snapshot, as older devices send it', async () => {
    const draft = await storedDraft();
    const res = await push(t.app, li, [submitted(draft)]);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([['applied', undefined]]);
    const stored = (await storedInspection(t, draft.id)).data;
    expect(stored.status).toBe('submitted');
    expect(stored.gradingSnapshot).toBeUndefined();
  });

  it('takes an honest snapshot with the submission, and never a change of it afterwards', async () => {
    const draft = await storedDraft();
    const res = await push(t.app, li, [submitted(draft, honest)]);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([['applied', undefined]]);
    const stored = await storedInspection(t, draft.id);
    expect(stored.data.gradingSnapshot).toEqual(honest);
    // Graded again after the enterprise changed: consistent, but not the grading at submission.
    const later = buildGradingSnapshot(
      { ...enterprise, units: [] },
      FINISHED_AT,
      defaultGb18218Table,
    );
    for (const snapshot of [later, undefined]) {
      const data = { ...stored.data, gradingSnapshot: snapshot };
      const again = await push(t.app, li, [upsert('inspection', data, stored.version)]);
      expect(again.results[0]?.reason?.code).toBe('gradingSnapshotFixed');
      expect(await storedInspection(t, draft.id)).toEqual(stored);
    }
  });

  it('refuses a snapshot on a draft: it is made by the submission', async () => {
    const draft = await storedDraft();
    const stored = await storedInspection(t, draft.id);
    const res = await push(t.app, li, [
      upsert('inspection', { ...draft, gradingSnapshot: honest }, stored.version),
    ]);
    expect(res.results[0]?.reason?.code).toBe('gradingSnapshotFixed');
    expect(await storedInspection(t, draft.id)).toEqual(stored);
  });

  describe('as the app submits', () => {
    let db: FieldInspectorDb;
    afterAll(async () => {
      db.close();
      await db.delete();
    });

    it('takes the snapshot the app makes in the submission’s transaction', async () => {
      const session = await login(t.app, 'inspector.li');
      const client = createApiClient({
        serverUrl: 'https://hq.test',
        token: session.token,
        fetch: injectFetch(() => t.app),
      });
      db = openUserDatabase(`${li.userId}-grading-snapshot-${kind}`);
      const sync = () => runSyncCycle({ client, db, deviceId: session.deviceId });
      await sync();
      const template = await db.templates.get(MAJOR_HAZARD_TEMPLATE_ID);
      const lead = await db.users.get(li.userId);
      if (!template || !lead) throw new Error('the device did not pull the template and users');
      const draft = await createInspection(db, {
        enterpriseId: enterprise.id,
        kind: 'routine',
        templates: [{ id: template.id, version: template.version }],
        lead,
        coInspectorIds: [wang.userId],
        location: { lat: 30.03, lon: 120.87, accuracyM: 8 },
      });
      for (const item of template.sections.flatMap((s) => s.items)) {
        await setItemResult(db, draft.id, { itemId: item.id, result: 'pass', note: '' });
      }
      const png = (seed: string) =>
        new Blob([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), seed], { type: 'image/png' });
      await signInspection(db, draft.id, {
        role: 'lead',
        userId: li.userId,
        name: '李',
        png: png('l'),
      });
      await signInspection(db, draft.id, {
        role: 'co',
        userId: wang.userId,
        name: '王',
        png: png('w'),
      });
      await setEnterpriseRep(db, draft.id, { name: '王建国', title: '安全负责人' });
      await signInspection(db, draft.id, {
        role: 'enterprise',
        userId: null,
        name: '王建国',
        png: png('e'),
      });
      const result = await submitInspection(db, draft.id);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const local = await db.enterprises.get(enterprise.id);
      expect(result.inspection.gradingSnapshot).toEqual(
        buildGradingSnapshot(local!, result.inspection.finishedAt!, defaultGb18218Table),
      );
      await sync();
      expect(await db.rejected.toArray()).toEqual([]);
      expect(await db.outbox.count()).toBe(0);
      const stored = (await storedInspection(t, draft.id)).data;
      expect(stored.status).toBe('submitted');
      expect(stored.gradingSnapshot).toEqual(result.inspection.gradingSnapshot);
    });
  });

  it('grades a snapshot again with the published edition it names', async () => {
    const admin = await signIn(t.app, t.district, 'admin');
    const looser = structuredClone(defaultGb18218Table);
    looser.table1 = looser.table1.map((row) => ({ ...row, Q: row.Q * 1_000_000 }));
    const published = await send(t, 'POST', '/admin/gb18218/editions', admin, {
      baseRevision: 1,
      table: looser,
      reason: '核对临界量',
    });
    expect(published.statusCode, published.body).toBe(201);
    const { table } = (await send(t, 'GET', '/gb18218/edition', li)).json<CurrentEdition>();
    const withEdition = buildGradingSnapshot(enterprise, FINISHED_AT, table);
    expect(withEdition.tableVersion.revision).toBe(2);

    const forged = withEdition.level === 1 ? 2 : 1;
    await expectRefused(await storedDraft(), { ...withEdition, level: forged }, 'gradingMismatch');
    // The shipped table's levels under the edition's name: graded again with the edition.
    if (honest.level !== withEdition.level) {
      const renamed = { ...honest, tableVersion: withEdition.tableVersion };
      await expectRefused(await storedDraft(), renamed, 'gradingMismatch');
    }
    for (const snapshot of [withEdition, honest]) {
      const draft = await storedDraft();
      const res = await push(t.app, li, [submitted(draft, snapshot)]);
      expect(res.results.map((r) => [r.status, r.reason])).toEqual([['applied', undefined]]);
      expect((await storedInspection(t, draft.id)).data.gradingSnapshot).toEqual(snapshot);
    }
  });
});
