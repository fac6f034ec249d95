// The published results of a draw (抽查结果公示) through GET /draws/:id/results: one row per visit,
// its outcome taken from the submitted inspection made from the visit's task and the hazards
// recorded on it, never from a draft nor from an inspection of another agency naming the task;
// read by the draw's agency and a joint draw's partner, refused to any other agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawRecord } from '../../domain/schemas/draw';
import type { Publication } from '../../domain/schemas/publication';
import { publicationSchema } from '../../domain/schemas/publication';
import type { Task } from '../../domain/schemas/task';
import type { DemoApp } from '../support/demo-app';
import { demoApp, errorBody } from '../support/demo-app';
import { agencyOf } from '../support/extra-users';
import { completeDraft, FINISHED_AT } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { newFinding, push, signIn, upsert } from '../support/push-fixtures';
import { addOfficer, approvedPlan, drawRequest, planBody, send } from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('draw results on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let envSupervisor: Device;
  let lead: Device;
  let co: Device;
  let envOfficer: Device;
  let envOfficer2: Device;
  let safety: string;
  let environment: string;
  let draw: DrawRecord;
  let tasks: Task[];
  beforeAll(async () => {
    t = await demoApp(kind);
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    envSupervisor = await signIn(t.app, t.district, 'supervisor.env');
    safety = agencyOf(t, 'safety');
    environment = agencyOf(t, 'environment');
    // The only two officers of the safety bureau, so every visit sends both.
    lead = await addOfficer(t, { username: 'officer.lead', agency: 'safety' });
    co = await addOfficer(t, { username: 'officer.co', agency: 'safety' });
    envOfficer = await addOfficer(t, { username: 'officer.env', agency: 'environment' });
    envOfficer2 = await addOfficer(t, { username: 'officer.env2', agency: 'environment' });
    const plan = await approvedPlan(t, supervisor, planBody());
    const res = await send(t, 'POST', `/plans/${plan.id}/draws`, supervisor, drawRequest());
    if (res.statusCode !== 201) throw new Error(`draw: ${res.statusCode} ${res.body}`);
    ({ draw, tasks } = res.json<{ draw: DrawRecord; tasks: Task[] }>());
  });
  afterAll(() => t.close());

  const results = async (device: Device, id = draw.id) => {
    const res = await send(t, 'GET', `/draws/${id}/results`, device);
    expect(res.statusCode, res.body).toBe(200);
    return publicationSchema.parse(res.json<{ publication: Publication }>().publication);
  };
  const rowAt = (p: Publication, enterpriseId: string) => {
    const row = p.rows.find((r) => r.enterpriseId === enterpriseId);
    if (!row) throw new Error(`no row for ${enterpriseId}`);
    return row;
  };
  const taskAt = (n: number) => {
    const task = tasks[n];
    if (!task) throw new Error(`the draw made fewer than ${n + 1} tasks`);
    return task;
  };

  /** An inspection made from the task by `by` with `coIds`, pushed as a draft with its hazards. */
  async function inspect(
    task: Task,
    by: Device,
    coIds: string[],
    agencyIds: string[],
    grades: ('general' | 'major')[],
    submit: boolean,
  ) {
    const draft = await completeDraft(t, by, coIds, task.enterpriseId, {
      taskId: task.id,
      agencyIds,
    });
    const findings = grades.map((grade) => newFinding(draft, { grade }));
    const res = await push(t.app, by, [
      upsert('inspection', draft),
      ...findings.map((f) => upsert('finding', f)),
      ...(submit
        ? [upsert('inspection', { ...draft, status: 'submitted', finishedAt: FINISHED_AT }, 0)]
        : []),
    ]);
    expect(res.results.map((r) => [r.status, r.reason?.code])).toEqual(
      res.results.map(() => ['applied', undefined]),
    );
    return draft;
  }

  it('lists every visit of the draw with its enterprise, class and agencies, each pending before any inspection', async () => {
    const p = await results(supervisor);
    expect(p.draw).toMatchObject({
      id: draw.id,
      agencyId: safety,
      resultHash: draw.resultHash,
      periodKey: 'Q1',
      replaced: false,
    });
    expect(p.draw.agencyName).not.toBe('');
    expect(p.rows.map((r) => r.enterpriseId)).toEqual(
      draw.result.visits.map((v) => v.enterpriseId),
    );
    for (const row of p.rows) {
      const visit = draw.result.visits.find((v) => v.enterpriseId === row.enterpriseId);
      expect(row.enterpriseName).toBe(
        t.district.enterprises.find((e) => e.id === row.enterpriseId)?.name,
      );
      expect(row.riskClass).toBe(visit?.riskClass);
      expect(row.agencyIds).toEqual([safety]);
      expect(row.agencyNames[0]).toBe(p.draw.agencyName);
      expect(row).toMatchObject({
        outcome: visit?.unstaffed === null ? 'pending' : 'unstaffed',
        inspectionId: null,
        inspectedOn: null,
        itemsChecked: 0,
        hazards: { total: 0, major: 0, closed: 0 },
      });
    }
  });

  it('takes the outcome from the submitted inspection made from the task and its hazards, not from a draft nor from another agency naming the task', async () => {
    const [a, b, c, d] = [taskAt(0), taskAt(1), taskAt(2), taskAt(3)];
    const found = await inspect(a, lead, [co.userId], [safety], ['general', 'major'], true);
    const clean = await inspect(b, co, [lead.userId], [safety], [], true);
    await inspect(c, lead, [co.userId], [safety], ['major'], false);
    // An officer of another bureau may name the task (the task link checks its enterprise only):
    // the safety bureau's published result must not come from it.
    await inspect(d, envOfficer, [envOfficer2.userId], [environment], ['major'], true);

    const p = await results(supervisor);
    expect(rowAt(p, a.enterpriseId)).toMatchObject({
      outcome: 'hazardsFound',
      inspectionId: found.id,
      inspectedOn: '2026-11-29',
      hazards: { total: 2, major: 1, closed: 0 },
    });
    expect(rowAt(p, a.enterpriseId).itemsChecked).toBeGreaterThan(0);
    expect(rowAt(p, a.enterpriseId).checklists.length).toBe(1);
    expect(rowAt(p, a.enterpriseId).checklists[0]).not.toBe('');
    expect(rowAt(p, b.enterpriseId)).toMatchObject({
      outcome: 'noHazards',
      inspectionId: clean.id,
      hazards: { total: 0, major: 0, closed: 0 },
    });
    expect(rowAt(p, c.enterpriseId)).toMatchObject({ outcome: 'pending', inspectionId: null });
    expect(rowAt(p, d.enterpriseId)).toMatchObject({ outcome: 'pending', inspectionId: null });
  });

  it('refuses the results to another agency with the same answer as a draw that does not exist, naming nothing of it', async () => {
    const res = await send(t, 'GET', `/draws/${draw.id}/results`, envSupervisor);
    expect(res.statusCode).toBe(404);
    expect(errorBody(res).error).toBe('draw.notFound');
    for (const visit of draw.result.visits) expect(res.body).not.toContain(visit.enterpriseId);
    const none = await send(t, 'GET', `/draws/${tasks[0]?.id ?? ''}/results`, supervisor);
    expect(none.statusCode).toBe(404);
    expect(errorBody(none).error).toBe('draw.notFound');
    const anonymous = await send(t, 'GET', `/draws/${draw.id}/results`, null);
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets the partner of a joint draw read its results, with both agencies on each joint visit', async () => {
    const all = { major: 10_000, considerable: 10_000, general: 10_000, low: 10_000 };
    const zero = { major: 0, considerable: 0, general: 0, low: 0 };
    const envPlan = await approvedPlan(
      t,
      envSupervisor,
      planBody({
        shares: ['Q1', 'Q2', 'Q3', 'Q4'].map((period) => ({
          period,
          shares: period === 'Q3' ? all : zero,
        })),
      }),
    );
    const q3 = { periodKey: 'Q3' };
    const envDraw = await send(t, 'POST', `/plans/${envPlan.id}/draws`, envSupervisor, {
      ...drawRequest(q3),
    });
    expect(envDraw.statusCode, envDraw.body).toBe(201);
    const joint = await send(t, 'POST', `/plans/${draw.planId}/draws`, supervisor, {
      ...drawRequest({ ...q3, jointPartnerAgencyId: environment }),
    });
    expect(joint.statusCode, joint.body).toBe(201);
    const jointDraw = joint.json<{ draw: DrawRecord }>().draw;
    const p = await results(envSupervisor, jointDraw.id);
    const jointRows = p.rows.filter((r) => r.joint);
    expect(jointRows.length).toBeGreaterThan(0);
    for (const row of jointRows) {
      expect(row.agencyIds).toEqual([safety, environment]);
      expect(row.agencyNames.every((n) => n !== '')).toBe(true);
    }
  });
});
