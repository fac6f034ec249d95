import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  RectificationAccessError,
  RectificationError,
  ReinspectionVisitError,
  recordRectificationReport,
  recordReinspection,
} from '../../../../../renderer/src/db/repositories/rectification';
import type { ReinspectionInput } from '../../../../../domain/rules/rectification';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
} from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const supervisor = makeUser({ username: 'supervisor.zhou', role: 'supervisor' });
const inspector = makeUser({ username: 'inspector.wang' });
// Colleagues in the device's user directory: one of the inspector's bureau, one of another.
const colleague = makeUser({ username: 'inspector.li' });
const environmental = makeUser({
  username: 'inspector.chen',
  agencyId: '0197a000-0000-7000-8000-0000000000a2',
});
// Not officers of a visit: a supervisor as co-inspector, and someone who has left.
const notInspector = makeUser({ username: 'supervisor.sun', role: 'supervisor' });
const departed = makeUser({
  username: 'inspector.gone',
  deletedAt: '2026-11-01T08:00:00.000+08:00',
});
// 2026-11-29 10:00 in China.
const at = () => new Date('2026-11-29T02:00:00Z');
const photo = { sha256: 'a'.repeat(64), mime: 'image/jpeg' as const, size: 1234 };

async function seed(overrides: Parameters<typeof makeFinding>[0] = {}) {
  const enterprise = makeEnterprise({ town: '330604400' });
  const inspection = makeInspection({ enterpriseId: enterprise.id });
  const finding = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: enterprise.id,
    deadline: '2026-11-20',
    version: 4,
    ...overrides,
  });
  await db.enterprises.put(enterprise);
  await db.inspections.put(inspection);
  await db.findings.put(finding);
  await db.users.bulkPut([supervisor, inspector, colleague, environmental, notInspector, departed]);
  return { enterprise, inspection, finding };
}

/** Two rectified hazards of one inspection, awaiting re-inspection. */
async function seedTwoRectified() {
  const { finding, enterprise } = await seed({ status: 'rectified' });
  const other = makeFinding({
    inspectionId: finding.inspectionId,
    enterpriseId: enterprise.id,
    status: 'rectified',
  });
  await db.findings.put(other);
  return { finding, other };
}

/** A passed re-inspection of `findingId`, with its photo, recorded by `by` with `coInspectorIds`. */
function reinspectPassed(findingId: string, coInspectorIds: string[], by = inspector) {
  const passed = { result: 'passed' as const, photos: [photo], note: '', newDeadline: null };
  return recordReinspection(db, findingId, { ...passed, coInspectorIds }, by, at);
}

const snapshot = async () => ({
  findings: await db.findings.toArray(),
  inspections: await db.inspections.toArray(),
  outbox: await db.outbox.toArray(),
});

describe('recording rectification', () => {
  it('marks an overdue hazard rectified and queues it with the version it started from', async () => {
    const { finding } = await seed();
    await recordRectificationReport(
      db,
      finding.id,
      { reportedOn: '2026-11-28', note: '已更换阀门' },
      inspector,
      at,
    );
    const stored = await db.findings.get(finding.id);
    expect(stored?.status).toBe('rectified');
    expect(stored?.rectification).toMatchObject({ reportedOn: '2026-11-28', note: '已更换阀门' });
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'finding', id: finding.id, baseVersion: 4 });
  });

  it('refuses a future report date and a closed hazard, writing nothing', async () => {
    const { finding } = await seed();
    const closed = (await seed({ status: 'closed' })).finding;
    const before = await snapshot();
    await expect(
      recordRectificationReport(
        db,
        finding.id,
        { reportedOn: '2026-11-30', note: '' },
        inspector,
        at,
      ),
    ).rejects.toMatchObject({ code: 'reportedOn.future' });
    await expect(
      recordRectificationReport(
        db,
        closed.id,
        { reportedOn: '2026-11-28', note: '' },
        inspector,
        at,
      ),
    ).rejects.toBeInstanceOf(RectificationError);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a hazard outside the jurisdiction', async () => {
    const { finding } = await seed();
    const elsewhere = makeUser({ jurisdiction: ['330604001'] });
    await expect(
      recordRectificationReport(
        db,
        finding.id,
        { reportedOn: '2026-11-28', note: '' },
        elsewhere,
        at,
      ),
    ).rejects.toBeInstanceOf(RectificationAccessError);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('recording a re-inspection', () => {
  it('passed: closes the hazard and records one submitted re-inspection visit', async () => {
    const { finding, inspection } = await seed({ status: 'rectified' });
    const { visit } = await reinspectPassed(finding.id, [colleague.id], supervisor);
    expect(visit).toMatchObject({
      kind: 'reinspection',
      status: 'submitted',
      leadInspectorId: supervisor.id,
      enterpriseId: finding.enterpriseId,
      templateId: inspection.templateId,
      // Not approved by the supervisor who made it: no one reviews a visit they took part in.
      review: { status: 'pending', reviewerId: null },
      // Made by two officers, of their agencies; it answers no checklist.
      coInspectorIds: [colleague.id],
      agencyIds: [supervisor.agencyId],
      itemResults: [],
    });
    const stored = await db.findings.get(finding.id);
    expect(stored?.status).toBe('closed');
    expect(stored?.verification).toMatchObject({
      result: 'passed',
      inspectionId: visit.id,
      verifiedBy: supervisor.id,
      photos: [photo],
    });
    // The visit is queued before the finding that names it.
    expect((await db.outbox.toArray()).map((r) => r.entity)).toEqual(['inspection', 'finding']);
  });

  it("failed: reopens with the new deadline; the day's second re-inspection reuses the visit", async () => {
    const { finding, other } = await seedTwoRectified();
    const first = await recordReinspection(
      db,
      finding.id,
      {
        result: 'failed',
        photos: [],
        note: '仍有渗漏',
        newDeadline: '2026-12-15',
        coInspectorIds: [colleague.id],
      },
      inspector,
      at,
    );
    expect(first.finding).toMatchObject({ status: 'open', deadline: '2026-12-15' });
    expect(first.finding.verification?.result).toBe('failed');
    // An inspector's visit goes to the review queue like any inspection.
    expect(first.visit.review.status).toBe('pending');
    const second = await reinspectPassed(other.id, [colleague.id]);
    expect(second.visit.id).toBe(first.visit.id);
    expect((await db.inspections.toArray()).filter((i) => i.kind === 'reinspection')).toHaveLength(
      1,
    );
  });

  it('refuses a missing photo, an early deadline and an open hazard, writing nothing', async () => {
    const { finding } = await seed({ status: 'rectified' });
    const open = (await seed()).finding;
    const before = await snapshot();
    const attempt = (id: string, input: ReinspectionInput) =>
      recordReinspection(db, id, { ...input, coInspectorIds: [colleague.id] }, inspector, at);
    await expect(
      attempt(finding.id, { result: 'passed', photos: [], note: '', newDeadline: null }),
    ).rejects.toMatchObject({ code: 'photos.required' });
    await expect(
      attempt(finding.id, { result: 'failed', photos: [], note: '', newDeadline: '2026-11-29' }),
    ).rejects.toMatchObject({ code: 'newDeadline.notAfterToday' });
    await expect(
      attempt(open.id, { result: 'passed', photos: [photo], note: '', newDeadline: null }),
    ).rejects.toMatchObject({ code: 'notRectified' });
    expect(await snapshot()).toEqual(before);
  });

  it('names the colleagues who came, with their agencies, and makes a new visit with others', async () => {
    const { finding, other } = await seedTwoRectified();
    const first = await reinspectPassed(finding.id, [environmental.id, inspector.id]);
    // The officer who leads is not named again; a joint visit names both bureaus.
    expect(first.visit).toMatchObject({
      leadInspectorId: inspector.id,
      coInspectorIds: [environmental.id],
      agencyIds: [inspector.agencyId, environmental.agencyId],
    });
    expect(first.finding.verification?.officerIds).toEqual([inspector.id, environmental.id]);
    const second = await reinspectPassed(other.id, [colleague.id]);
    expect(second.visit.id).not.toBe(first.visit.id);
    expect(second.visit.coInspectorIds).toEqual([colleague.id]);
  });

  it('refuses a visit of one officer, or with a colleague who may not inspect or is unknown here, writing nothing', async () => {
    const { finding } = await seed({ status: 'rectified' });
    const before = await snapshot();
    const attempt = (coInspectorIds: string[]) => reinspectPassed(finding.id, coInspectorIds);
    for (const alone of [[], [inspector.id], [notInspector.id], [departed.id]]) {
      const refused = attempt(alone);
      await expect(refused).rejects.toBeInstanceOf(ReinspectionVisitError);
      await expect(refused).rejects.toMatchObject({ code: 'officersTooFew' });
    }
    await expect(attempt(['0197a000-0000-7000-8000-00000000beef'])).rejects.toMatchObject({
      code: 'officerUnknown',
    });
    expect(await snapshot()).toEqual(before);
  });
});
