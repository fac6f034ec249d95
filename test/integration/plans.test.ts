// Annual plans through /plans: a supervisor of the agency writes a draft, edits it, approves it
// and revises it as the next revision with a reason; everyone else, and every change the plan's
// lifecycle forbids, is refused, and the database shows nothing was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/schemas/plan';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp, errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { PLAN_YEAR, countRows, planBody, send, signInPlanPeople } from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('annual plans on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let envSupervisor: Device;
  let inspector: Device;
  let admin: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    ({ supervisor, envSupervisor, inspector, admin } = await signInPlanPeople(t));
  });
  afterAll(() => t.close());

  const storedPlans = () => t.db.query<{ data: Plan }>('SELECT data FROM plans ORDER BY id');

  async function create(device: Device, body: unknown = planBody()) {
    const res = await send(t, 'POST', '/plans', device, body);
    return { res, plan: res.statusCode === 201 ? res.json<{ plan: Plan }>().plan : null };
  }

  /** Asserts the refusal and that the plans table is as it was. */
  async function refused(
    request: Promise<{ statusCode: number; body: string }>,
    status: number,
    code: string,
  ) {
    const before = await storedPlans();
    const res = await request;
    expect(res.statusCode, res.body).toBe(status);
    expect(errorBody(res as never).error).toBe(code);
    expect(await storedPlans()).toEqual(before);
  }

  it('takes a draft, its edits, its approval and a revision with a reason, each by a supervisor of the agency', async () => {
    const { res, plan } = await create(supervisor);
    expect(res.statusCode, res.body).toBe(201);
    expect(plan).toMatchObject({
      agencyId: t.district.users.find((u) => u.record.username === 'supervisor.safety')?.record
        .agencyId,
      year: PLAN_YEAR,
      revision: 1,
      status: 'draft',
      approval: null,
      version: 1,
      createdBy: supervisor.userId,
    });
    if (!plan) throw new Error('no plan');

    const edited = await send(t, 'PUT', `/plans/${plan.id}`, supervisor, {
      ...planBody({ title: '2027年度计划（修改稿）' }),
      year: undefined,
      baseVersion: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<{ plan: Plan }>().plan).toMatchObject({
      title: '2027年度计划（修改稿）',
      version: 2,
    });

    const approved = await send(t, 'POST', `/plans/${plan.id}/approve`, supervisor, {
      baseVersion: 2,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ plan: Plan }>().plan).toMatchObject({
      status: 'approved',
      approval: { by: supervisor.userId, at: TEST_NOW.toISOString() },
    });

    const revised = await send(t, 'POST', `/plans/${plan.id}/revisions`, supervisor, {
      reason: '上级下达专项整治任务，调整第二季度抽查比例',
    });
    expect(revised.statusCode, revised.body).toBe(201);
    const revision = revised.json<{ plan: Plan }>().plan;
    expect(revision).toMatchObject({
      revision: 2,
      previousRevisionId: plan.id,
      revisionReason: '上级下达专项整治任务，调整第二季度抽查比例',
      status: 'draft',
      title: '2027年度计划（修改稿）',
    });
    expect(revision.id).not.toBe(plan.id);

    const list = await send(t, 'GET', '/plans', inspector);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ plans: Plan[] }>().plans.map((p) => [p.revision, p.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    // The approved version is kept as it was approved.
    const first = (await storedPlans()).find((p) => p.data.id === plan.id)?.data;
    expect(first).toEqual(approved.json<{ plan: Plan }>().plan);
  });

  it('refuses a plan written without a session, by an inspector or by an administrator', async () => {
    const res = await send(t, 'POST', '/plans', null, planBody({ year: 2030 }));
    expect(res.statusCode).toBe(401);
    await refused(
      send(t, 'POST', '/plans', inspector, planBody({ year: 2030 })),
      403,
      'plan.notSupervisorOfAgency',
    );
    await refused(
      send(t, 'POST', '/plans', admin, planBody({ year: 2030 })),
      403,
      'plan.notSupervisorOfAgency',
    );
    const [plan] = (await storedPlans()).map((p) => p.data);
    if (!plan) throw new Error('no plan stored');
    await refused(
      send(t, 'POST', `/plans/${plan.id}/revisions`, inspector, { reason: '理由' }),
      403,
      'plan.notSupervisorOfAgency',
    );
  });

  it("hides an agency's plans from another agency's supervisor, who changes none of them", async () => {
    const [approved, draft] = (await storedPlans())
      .map((p) => p.data)
      .sort((a, b) => a.revision - b.revision);
    if (!approved || !draft) throw new Error('the first test stores two versions');
    await refused(send(t, 'GET', `/plans/${draft.id}`, envSupervisor), 404, 'plan.notFound');
    await refused(
      send(t, 'PUT', `/plans/${draft.id}`, envSupervisor, {
        ...planBody(),
        year: undefined,
        baseVersion: draft.version,
      }),
      404,
      'plan.notFound',
    );
    await refused(
      send(t, 'POST', `/plans/${draft.id}/approve`, envSupervisor, { baseVersion: draft.version }),
      404,
      'plan.notFound',
    );
    await refused(
      send(t, 'POST', `/plans/${approved.id}/revisions`, envSupervisor, { reason: '理由' }),
      404,
      'plan.notFound',
    );
    const theirs = await send(t, 'GET', '/plans', envSupervisor);
    expect(theirs.json<{ plans: Plan[] }>().plans).toEqual([]);
  });

  it('refuses what the lifecycle forbids: a second plan for the year, a change of an approved version, a stale edit, revising a draft, a second draft', async () => {
    const [approved, draft] = (await storedPlans())
      .map((p) => p.data)
      .sort((a, b) => a.revision - b.revision);
    if (!approved || !draft) throw new Error('the first test stores two versions');
    await refused(send(t, 'POST', '/plans', supervisor, planBody()), 409, 'plan.draftExists');
    await refused(
      send(t, 'PUT', `/plans/${approved.id}`, supervisor, {
        ...planBody(),
        year: undefined,
        baseVersion: approved.version,
      }),
      409,
      'plan.approvedIsFinal',
    );
    await refused(
      send(t, 'POST', `/plans/${approved.id}/approve`, supervisor, {
        baseVersion: approved.version,
      }),
      409,
      'plan.approvedIsFinal',
    );
    await refused(
      send(t, 'PUT', `/plans/${draft.id}`, supervisor, {
        ...planBody(),
        year: undefined,
        baseVersion: draft.version + 1,
      }),
      409,
      'plan.stale',
    );
    await refused(
      send(t, 'POST', `/plans/${draft.id}/revisions`, supervisor, { reason: '理由' }),
      409,
      'plan.reviseApprovedOnly',
    );
    await refused(
      send(t, 'POST', `/plans/${approved.id}/revisions`, supervisor, { reason: '理由' }),
      409,
      'plan.draftExists',
    );
    // Once the draft is approved, a new plan for the year is a revision, not a first version.
    const ok = await send(t, 'POST', `/plans/${draft.id}/approve`, supervisor, {
      baseVersion: draft.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await refused(
      send(t, 'POST', '/plans', supervisor, planBody()),
      409,
      'plan.revisionOutOfOrder',
    );
  });

  it('refuses bad input naming what is wrong: periods that do not match the kind, shares over a year, a revision without a reason, unknown fields', async () => {
    const over = planBody({
      shares: ['Q1', 'Q2', 'Q3', 'Q4'].map((period) => ({
        period,
        shares: { major: 3000, considerable: 0, general: 0, low: 0 },
      })),
    });
    for (const body of [
      planBody({ year: 2031, periodKind: 'month' }),
      { ...over, year: 2031 },
      { ...planBody({ year: 2031 }), status: 'approved' },
      { ...planBody({ year: 2031 }), title: '' },
    ]) {
      const before = await countRows(t, 'SELECT * FROM plans');
      const res = await send(t, 'POST', '/plans', supervisor, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorBody(res).error).toBe('invalid_body');
      expect(await countRows(t, 'SELECT * FROM plans')).toBe(before);
    }
    const [approved] = (await storedPlans())
      .map((p) => p.data)
      .filter((p) => p.status === 'approved');
    if (!approved) throw new Error('no approved plan');
    await refused(
      send(t, 'POST', `/plans/${approved.id}/revisions`, supervisor, { reason: ' ' }),
      400,
      'invalid_body',
    );
    const over400 = await send(t, 'POST', '/plans', supervisor, { ...over, year: 2032 });
    expect(errorBody(over400).message).toContain('shares');
  });
});
