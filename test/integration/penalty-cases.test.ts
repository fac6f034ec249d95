// Penalty cases on the server: opened only from an eligible record on the server's own facts,
// approved by a supervisor of its agency other than the opener (which numbers the case), taken
// through the statutory stages in order by whom each is for (the notice, decision and closing a
// supervisor's; the hearing, execution, evidence and amendments the handling officers' too) with every time stamped by the server, the notice and the decision
// numbered in the register, evidence of the case's enterprise only, and no change after closing
// but a recorded amendment. Every refusal leaves the stored cases and the register as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { PenaltyCase } from '../../domain/schemas/penalty-case';
import { caseListResponseSchema } from '../../domain/sync/cases-api';
import { caseOk, expectCaseRefused, postCase, submitHazards } from '../support/case-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp, getAs, login } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { addColleague, enterpriseFor, signIn, signInAll } from '../support/push-fixtures';
import { readRegister } from '../support/register-fixtures';
import { databaseKinds } from '../support/test-databases';

/** Eleven days after the tests' today: the major hazard's deadline (12-05) has passed. */
const LATER = new Date('2026-12-10T09:00:00+08:00');

describe.each(databaseKinds)('penalty cases on %s', (kind) => {
  let t: DemoApp;
  let d: Record<'li' | 'wang' | 'chen' | 'safety' | 'env' | 'admin', Device>;
  let inspection: Inspection;
  let major: Finding;
  let general: Finding;
  let other: { inspection: Inspection; findings: Finding[] };
  let theCase: PenaltyCase;
  /** An inspector of li's agency and towns who has nothing to do with the case. */
  let colleague: Device;

  beforeAll(async () => {
    t = await demoApp(kind);
    d = await signInAll(t.app, t.district, {
      li: 'inspector.li',
      wang: 'inspector.wang',
      chen: 'inspector.chen',
      safety: 'supervisor.safety',
      env: 'supervisor.env',
      admin: 'admin',
    });
    const submitted = await submitHazards(
      t,
      d.li,
      [d.wang.userId],
      enterpriseFor(t.district, 'inspector.li'),
      [
        { grade: 'major', deadline: '2026-12-05' },
        { grade: 'general', deadline: '2026-12-05' },
      ],
    );
    inspection = submitted.inspection;
    [major, general] = submitted.findings as [Finding, Finding];
    const liTowns = t.district.users.find((u) => u.record.username === 'inspector.li')?.record
      .jurisdiction;
    const elsewhere = t.district.enterprises.find(
      (e) => e.id !== inspection.enterpriseId && liTowns?.includes(e.town),
    );
    if (!elsewhere) throw new Error('no second enterprise in li’s towns');
    other = await submitHazards(t, d.li, [d.wang.userId], elsewhere.id, [{ grade: 'general' }]);
  });
  afterAll(() => t.close());

  const open = (device: Device, recordId: string, origin = 'overdueMajorHazard') =>
    postCase(t, device, '', {
      origin: { kind: origin, recordId },
      summary: '逾期未整改重大事故隐患',
    });

  it('opens a case only from a major hazard past its deadline on the server’s clock', async () => {
    // Before the deadline, on the server's today, whatever a device might think.
    await expectCaseRefused(t, () => open(d.li, major.id), 422, 'case_origin_not_eligible');
    t.setNow(LATER);
    await expectCaseRefused(t, () => open(d.li, general.id), 422, 'case_origin_not_eligible');
    await expectCaseRefused(
      t,
      () => open(d.li, major.id, 'failedReinspection'),
      422,
      'case_origin_not_eligible',
    );
    await expectCaseRefused(
      t,
      () => open(d.li, inspection.id, 'refusedInspection'),
      422,
      'case_origin_not_eligible',
    );
    // Outside one's towns, another agency, or an administrator: refused.
    await expectCaseRefused(t, () => open(d.wang, major.id), 403, 'case_forbidden');
    await expectCaseRefused(t, () => open(d.env, major.id), 403, 'case_forbidden');
    await expectCaseRefused(t, () => open(d.admin, major.id), 403, 'case_forbidden');
    const res = await open(d.li, major.id);
    expect(res.statusCode, res.body).toBe(201);
    theCase = res.json<PenaltyCase>();
    expect(theCase).toMatchObject({
      status: 'pending',
      number: null,
      openedBy: d.li.userId,
      // li applied; wang, of the same agency, inspected with li: both handle the case.
      handlers: [d.li.userId, d.wang.userId],
      openedAt: LATER.toISOString(),
      origin: { kind: 'overdueMajorHazard', recordId: major.id, inspectionId: inspection.id },
      steps: [{ stage: 'filing', startedAt: LATER.toISOString(), dueOn: '2026-12-17' }],
    });
    // One live case per record.
    await expectCaseRefused(t, () => open(d.safety, major.id), 409, 'case_exists');
  });

  it('takes a request naming times or people the server stamps as bad input', async () => {
    const res = await postCase(t, d.li, '', {
      origin: { kind: 'overdueMajorHazard', recordId: major.id },
      summary: 'x',
      openedAt: '2020-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    const advance = await postCase(t, d.safety, `/${theCase.id}/approval`, {
      version: theCase.version,
      approved: true,
      comment: '',
      by: d.li.userId,
    });
    expect(advance.statusCode).toBe(400);
  });

  it('is approved only by a supervisor of the agency who did not open it, which numbers it', async () => {
    const approve =
      (device: Device, version = theCase.version) =>
      () =>
        postCase(t, device, `/${theCase.id}/approval`, {
          version,
          approved: true,
          comment: '同意立案',
        });
    await expectCaseRefused(t, approve(d.li), 403, 'case_forbidden');
    // An inspector of the same agency and towns who did not open it: still not a supervisor.
    colleague = await addColleague(t, d.admin, 'inspector.li', 'inspector.colleague');
    await expectCaseRefused(t, approve(colleague), 403, 'case_forbidden');
    await expectCaseRefused(t, approve(d.env), 404, 'case_not_found');
    await expectCaseRefused(t, approve(d.safety, theCase.version + 1), 409, 'case_stale');
    await expectCaseRefused(
      t,
      () =>
        postCase(t, d.li, `/${theCase.id}/advance`, {
          version: theCase.version,
          to: 'investigation',
          note: '',
        }),
      409,
      'case_status',
    );
    const at = new Date(LATER.getTime() + 3_600_000);
    t.setNow(at);
    theCase = await caseOk(t, d.safety, `/${theCase.id}/approval`, {
      version: theCase.version,
      approved: true,
      comment: '同意立案',
    });
    expect(theCase).toMatchObject({
      status: 'open',
      number: '上虞应急立〔2026〕第0001号',
      approval: { approved: true, by: d.safety.userId, at: at.toISOString() },
    });
    expect(theCase.steps.map((s) => [s.stage, s.completedBy, s.dueOn])).toEqual([
      ['filing', d.safety.userId, '2026-12-17'],
      ['investigation', null, '2027-03-10'],
    ]);
    const register = (await readRegister(t.db)).filter((r) => r.kind === 'caseFiling');
    expect(register.map((r) => [r.number, r.inspection_id])).toEqual([
      ['上虞应急立〔2026〕第0001号', inspection.id],
    ]);
  });

  it('supervisors alone approve: a supervisor who opened a case cannot approve it', async () => {
    const refused = await submitHazards(t, d.li, [d.wang.userId], inspection.enterpriseId, [], {
      refusedToSign: { reason: '企业负责人拒绝签字' },
    });
    const res = await open(d.safety, refused.inspection.id, 'refusedInspection');
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<PenaltyCase>();
    await expectCaseRefused(
      t,
      () =>
        postCase(t, d.safety, `/${c.id}/approval`, {
          version: c.version,
          approved: true,
          comment: '',
        }),
      403,
      'case_forbidden',
    );
  });

  it('goes through its stages in order; the notice and the decision are numbered', async () => {
    const advance = (device: Device, to: string, note = '') =>
      postCase(t, device, `/${theCase.id}/advance`, { version: theCase.version, to, note });
    await expectCaseRefused(t, () => advance(d.li, 'decision'), 409, 'stage_order');
    await expectCaseRefused(t, () => advance(d.li, 'hearing'), 409, 'stage_order');
    // The investigation ends with the responsible person's review: not a handling officer's step.
    await expectCaseRefused(t, () => advance(d.li, 'notice', '调查终结'), 403, 'case_forbidden');
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'notice',
      note: '调查终结',
    });
    // A colleague of the agency in the same towns does not handle the case.
    await expectCaseRefused(t, () => advance(colleague, 'hearing'), 403, 'case_forbidden');
    theCase = await caseOk(t, d.li, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'hearing',
      note: '当事人书面申请听证',
    });
    // 决定 is the responsible person's: an inspector may not enter it.
    await expectCaseRefused(t, () => advance(d.li, 'decision'), 403, 'case_forbidden');
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'decision',
      note: '听证结束',
    });
    await expectCaseRefused(t, () => advance(colleague, 'execution'), 403, 'case_forbidden');
    theCase = await caseOk(t, d.li, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'execution',
      note: '决定书已送达',
    });
    await expectCaseRefused(t, () => advance(d.li, 'closing'), 403, 'case_forbidden');
    expect(theCase.documents.map((doc) => [doc.kind, doc.number])).toEqual([
      ['caseFiling', '上虞应急立〔2026〕第0001号'],
      ['penaltyNotice', '上虞应急罚告〔2026〕第0001号'],
      ['penaltyDecision', '上虞应急罚〔2026〕第0001号'],
    ]);
    expect(theCase.steps.map((s) => [s.stage, s.startedBy])).toEqual([
      ['filing', d.li.userId],
      ['investigation', d.safety.userId],
      ['notice', d.safety.userId],
      ['hearing', d.li.userId],
      ['decision', d.safety.userId],
      ['execution', d.li.userId],
    ]);
  });

  it('links evidence of the case’s enterprise only', async () => {
    const link =
      (evidence: unknown, device = d.li) =>
      () =>
        postCase(t, device, `/${theCase.id}/evidence`, { version: theCase.version, evidence });
    await expectCaseRefused(
      t,
      link({ kind: 'inspection', id: inspection.id }, colleague),
      403,
      'case_forbidden',
    );
    await expectCaseRefused(
      t,
      link({ kind: 'finding', id: other.findings[0]?.id }),
      422,
      'evidence_unknown',
    );
    await expectCaseRefused(
      t,
      link({ kind: 'photo', sha256: 'a'.repeat(64) }),
      422,
      'evidence_unknown',
    );
    theCase = await caseOk(t, d.li, `/${theCase.id}/evidence`, {
      version: theCase.version,
      evidence: { kind: 'inspection', id: inspection.id },
    });
    await expectCaseRefused(
      t,
      link({ kind: 'inspection', id: inspection.id }),
      409,
      'evidence_linked',
    );
    expect(theCase.evidence).toEqual([
      {
        ref: { kind: 'inspection', id: inspection.id },
        addedBy: d.li.userId,
        addedAt: expect.any(String),
      },
    ]);
  });

  it('lists overdue stages first and counts them', async () => {
    t.setNow(new Date('2027-01-10T09:00:00+08:00'));
    // A month on, sessions have expired: everyone signs in again.
    for (const key of Object.keys(d) as (keyof typeof d)[]) {
      d[key] = await signIn(t.app, t.district, d[key].username);
    }
    colleague = { ...colleague, ...(await login(t.app, colleague.username)) };
    const res = await getAs(t.app, '/api/v1/cases', d.li.token);
    expect(res.statusCode, res.body).toBe(200);
    const list = caseListResponseSchema.parse(res.json());
    // The refused inspection's case waits for approval since 12-17, this one executes since 12-25.
    expect(list.cases.map((c) => [c.status, c.steps.at(-1)?.dueOn])).toEqual([
      ['pending', '2026-12-17'],
      ['open', '2026-12-25'],
    ]);
    expect(list.counts).toEqual({ pending: 1, open: 1, overdue: 2 });
    const env = caseListResponseSchema.parse(
      (await getAs(t.app, '/api/v1/cases', d.env.token)).json(),
    );
    expect(env.cases).toEqual([]);
  });

  it('changes after closing only by a recorded amendment', async () => {
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'closing',
      note: '罚款已缴纳',
    });
    expect(theCase.status).toBe('closed');
    await expectCaseRefused(
      t,
      () =>
        postCase(t, d.li, `/${theCase.id}/evidence`, {
          version: theCase.version,
          evidence: { kind: 'finding', id: major.id },
        }),
      409,
      'case_closed',
    );
    await expectCaseRefused(
      t,
      () =>
        postCase(t, d.safety, `/${theCase.id}/advance`, {
          version: theCase.version,
          to: 'execution',
          note: '',
        }),
      409,
      'case_closed',
    );
    const amendment = {
      version: theCase.version,
      reason: '补充证据',
      note: '补充隐患记录',
      evidence: { kind: 'finding', id: major.id },
    };
    await expectCaseRefused(
      t,
      () => postCase(t, colleague, `/${theCase.id}/amendments`, amendment),
      403,
      'case_forbidden',
    );
    theCase = await caseOk(t, d.li, `/${theCase.id}/amendments`, {
      version: theCase.version,
      reason: '补充证据',
      note: '补充隐患记录',
      evidence: { kind: 'finding', id: major.id },
    });
    expect(theCase.amendments).toMatchObject([{ by: d.li.userId, reason: '补充证据' }]);
    expect(theCase.status).toBe('closed');
  });

  it('lets the case’s own agency read it, nobody else', async () => {
    expect((await getAs(t.app, `/api/v1/cases/${theCase.id}`, d.li.token)).statusCode).toBe(200);
    expect((await getAs(t.app, `/api/v1/cases/${theCase.id}`, d.chen.token)).statusCode).toBe(404);
    expect((await getAs(t.app, `/api/v1/cases/${theCase.id}`, d.admin.token)).statusCode).toBe(200);
  });
});
