// The evidence a penalty case takes (server/src/cases/case-evidence.ts): only what belongs to the
// case's enterprise. A photo counts only where one of the enterprise's hazards holds it as a
// photo, not where a record merely quotes its hash; a document only when the enterprise's own;
// no draft inspection, nor its hazards or their photos.
// Every refusal leaves the stored cases as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { PenaltyCase } from '../../domain/schemas/penalty-case';
import { jpeg, photoRef, putBlob, sha } from '../support/blob-fixtures';
import { caseOk, expectCaseRefused, postCase, submitHazards } from '../support/case-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, newFinding, push, signIn, upsert } from '../support/push-fixtures';
import { completeDraft } from '../support/inspection-fixtures';
import { databaseKinds } from '../support/test-databases';

/** After the major hazard's deadline (12-05), so that a case may be opened from it. */
const LATER = new Date('2026-12-10T09:00:00+08:00');

describe.each(databaseKinds)('a case’s evidence on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let safety: Device;
  const ours = jpeg('ours');
  const theirs = jpeg('theirs');
  const drafts = jpeg('drafts');
  let inspection: Inspection;
  let major: Finding;
  let other: { inspection: Inspection; findings: Finding[] };
  let theCase: PenaltyCase;

  const documentsOf = async (inspectionId: string) =>
    (
      await t.db.query<{ id: string }>(
        `SELECT id::text AS id FROM records WHERE entity = 'document'
           AND data->>'inspectionId' = $1 ORDER BY id`,
        [inspectionId],
      )
    ).map((r) => r.id);
  const link = (evidence: unknown) => () =>
    postCase(t, li, `/${theCase.id}/evidence`, { version: theCase.version, evidence });
  const linkOk = async (evidence: unknown) => {
    theCase = await caseOk(t, li, `/${theCase.id}/evidence`, {
      version: theCase.version,
      evidence,
    });
  };

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    safety = await signIn(t.app, t.district, 'supervisor.safety');
    for (const bytes of [ours, theirs, drafts]) {
      expect((await putBlob(t.app, li.token, bytes)).statusCode).toBe(201);
    }
    const enterpriseId = enterpriseFor(t.district, 'inspector.li');
    const liTowns = t.district.users.find((u) => u.record.username === 'inspector.li')?.record
      .jurisdiction;
    const elsewhere = t.district.enterprises.find(
      (e) => e.id !== enterpriseId && liTowns?.includes(e.town),
    );
    if (!elsewhere) throw new Error('no second enterprise in li’s towns');
    other = await submitHazards(t, li, [wang.userId], elsewhere.id, [
      { grade: 'general', photos: [photoRef(theirs)] },
    ]);
    // A hazard of the case's enterprise whose description quotes the other enterprise's photo.
    const submitted = await submitHazards(t, li, [wang.userId], enterpriseId, [
      { grade: 'major', deadline: '2026-12-05', photos: [photoRef(ours)] },
      { grade: 'general', description: `见照片 ${sha(theirs)}` },
    ]);
    inspection = submitted.inspection;
    major = submitted.findings[0] as Finding;
    t.setNow(LATER);
    theCase = await caseOk(t, li, '', {
      origin: { kind: 'overdueMajorHazard', recordId: major.id },
      summary: '逾期未整改重大事故隐患',
    });
    theCase = await caseOk(t, safety, `/${theCase.id}/approval`, {
      version: theCase.version,
      approved: true,
      comment: '同意立案',
    });
  });
  afterAll(() => t.close());

  it('takes a photo only when one of the enterprise’s hazards holds it as a photo', async () => {
    await expectCaseRefused(
      t,
      link({ kind: 'photo', sha256: sha(theirs) }),
      422,
      'evidence_unknown',
    );
    await linkOk({ kind: 'photo', sha256: sha(ours) });
    expect(theCase.evidence.map((e) => e.ref)).toEqual([{ kind: 'photo', sha256: sha(ours) }]);
  });

  it('takes no draft, nor a hazard or photo of one: a draft is no record yet', async () => {
    const draft = await completeDraft(t, li, [wang.userId], inspection.enterpriseId);
    const drafted = newFinding(draft, { photos: [photoRef(drafts)] });
    const res = await push(t.app, li, [upsert('inspection', draft), upsert('finding', drafted)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await expectCaseRefused(t, link({ kind: 'inspection', id: draft.id }), 422, 'evidence_unknown');
    await expectCaseRefused(t, link({ kind: 'finding', id: drafted.id }), 422, 'evidence_unknown');
    await expectCaseRefused(
      t,
      link({ kind: 'photo', sha256: sha(drafts) }),
      422,
      'evidence_unknown',
    );
    await linkOk({ kind: 'finding', id: major.id });
  });

  it('takes a registered document only of the case’s enterprise', async () => {
    const theirDocuments = await documentsOf(other.inspection.id);
    const ourDocuments = await documentsOf(inspection.id);
    expect(theirDocuments.length).toBeGreaterThan(0);
    expect(ourDocuments.length).toBeGreaterThan(0);
    await expectCaseRefused(
      t,
      link({ kind: 'document', id: theirDocuments[0] }),
      422,
      'evidence_unknown',
    );
    await expectCaseRefused(
      t,
      link({ kind: 'inspection', id: other.inspection.id }),
      422,
      'evidence_unknown',
    );
    await linkOk({ kind: 'document', id: ourDocuments[0] });
    const stored = await t.db.query<{ data: PenaltyCase }>(
      `SELECT data FROM penalty_cases WHERE id = $1::uuid`,
      [theCase.id],
    );
    expect(stored[0]?.data.evidence.map((e) => e.ref)).toEqual([
      { kind: 'photo', sha256: sha(ours) },
      { kind: 'finding', id: major.id },
      { kind: 'document', id: ourDocuments[0] },
    ]);
  });
});
