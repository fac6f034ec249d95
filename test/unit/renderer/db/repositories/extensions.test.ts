import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  ExtensionError,
  decideExtensionRequest,
  recordExtensionRequest,
} from '../../../../../renderer/src/db/repositories/extensions';
import { RectificationAccessError } from '../../../../../renderer/src/db/repositories/rectification';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
} from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const SAFETY = '0197a000-0000-7000-8000-0000000000a1';
const inspector = makeUser({ username: 'inspector.wang' });
const supervisor = makeUser({
  username: 'supervisor.zhou',
  role: 'supervisor',
  agencyId: SAFETY,
  certificateNo: null,
});
// 2026-11-29 10:00 in China.
const at = () => new Date('2026-11-29T02:00:00Z');
const ask = { requestedOn: '2026-11-28', reason: '设备到货延迟', requestedDeadline: '2027-01-15' };

async function seed(inspectionOverrides: Parameters<typeof makeInspection>[0] = {}) {
  const enterprise = makeEnterprise({ town: '330604400' });
  const inspection = makeInspection({
    enterpriseId: enterprise.id,
    agencyIds: [SAFETY],
    ...inspectionOverrides,
  });
  const finding = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: enterprise.id,
    deadline: '2026-12-10',
    version: 4,
  });
  await db.enterprises.put(enterprise);
  await db.inspections.put(inspection);
  await db.findings.put(finding);
  return { enterprise, inspection, finding };
}

const snapshot = async () => ({
  findings: await db.findings.toArray(),
  outbox: await db.outbox.toArray(),
});

const grant = (extensionId: string) => ({
  extensionId,
  result: 'granted' as const,
  newDeadline: '2027-01-10',
  comment: '',
});

describe('recording a request for more time', () => {
  it('keeps it waiting and queues the hazard with the version it started from', async () => {
    const { finding } = await seed();
    const next = await recordExtensionRequest(db, finding.id, ask, inspector, at);
    const stored = await db.findings.get(finding.id);
    expect(stored).toEqual(next);
    expect(stored?.extensions).toMatchObject([
      { ...ask, recordedBy: inspector.id, decision: null },
    ]);
    expect(stored?.history?.map((e) => e.kind)).toEqual(['extensionRequested']);
    expect(stored?.deadline).toBe('2026-12-10');
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'finding', id: finding.id, baseVersion: 4 });
  });

  it('refuses a second request while one waits, and one outside the jurisdiction, writing nothing', async () => {
    const { finding } = await seed();
    const other = (await seed()).finding;
    await recordExtensionRequest(db, finding.id, ask, inspector, at);
    const before = await snapshot();
    await expect(recordExtensionRequest(db, finding.id, ask, inspector, at)).rejects.toMatchObject({
      code: 'pending',
    });
    const elsewhere = makeUser({ jurisdiction: ['330604001'] });
    await expect(recordExtensionRequest(db, other.id, ask, elsewhere, at)).rejects.toBeInstanceOf(
      RectificationAccessError,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('deciding a request for more time', () => {
  it('a grant moves the deadline; the decision is queued with the request', async () => {
    const { finding } = await seed();
    const asked = await recordExtensionRequest(db, finding.id, ask, inspector, at);
    const id = asked.extensions?.[0]?.id ?? '';
    const next = await decideExtensionRequest(db, finding.id, grant(id), supervisor, at);
    expect(next.deadline).toBe('2027-01-10');
    expect(next.extensions?.[0]?.decision).toMatchObject({
      result: 'granted',
      newDeadline: '2027-01-10',
      decidedBy: supervisor.id,
    });
    expect(await db.findings.get(finding.id)).toEqual(next);
    // Both steps travel as one change of the hazard, from the version the first started from.
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ baseVersion: 4, data: { deadline: '2027-01-10' } });
  });

  it('a refusal keeps the deadline and needs a comment', async () => {
    const { finding } = await seed();
    const asked = await recordExtensionRequest(db, finding.id, ask, inspector, at);
    const id = asked.extensions?.[0]?.id ?? '';
    const refuse = { extensionId: id, result: 'refused' as const, newDeadline: null, comment: '' };
    await expect(decideExtensionRequest(db, finding.id, refuse, supervisor, at)).rejects.toEqual(
      new ExtensionError('comment.required'),
    );
    const next = await decideExtensionRequest(
      db,
      finding.id,
      { ...refuse, comment: '理由不充分' },
      supervisor,
      at,
    );
    expect(next.deadline).toBe('2026-12-10');
    expect(next.extensions?.[0]?.decision).toMatchObject({
      result: 'refused',
      comment: '理由不充分',
    });
  });

  it('refuses an inspector, another agency, a participant and a missing inspection, writing nothing', async () => {
    const attempt = async (
      user: typeof supervisor,
      overrides: Parameters<typeof makeInspection>[0],
      drop = false,
    ) => {
      const { finding, inspection } = await seed(overrides);
      const asked = await recordExtensionRequest(db, finding.id, ask, inspector, at);
      if (drop) await db.inspections.delete(inspection.id);
      const before = await snapshot();
      const id = asked.extensions?.[0]?.id ?? '';
      const error = await decideExtensionRequest(db, finding.id, grant(id), user, at).catch(
        (e: unknown) => e,
      );
      expect(await snapshot()).toEqual(before);
      return error instanceof RectificationAccessError ? error.code : error;
    };
    expect(await attempt(inspector, {})).toBe('notSupervisor');
    expect(await attempt(supervisor, { agencyIds: ['0197a000-0000-7000-8000-0000000000a2'] })).toBe(
      'otherAgency',
    );
    expect(await attempt(supervisor, { coInspectorIds: [supervisor.id] })).toBe('tookPart');
    expect(await attempt(supervisor, {}, true)).toBe('inspectionMissing');
  });
});
