// Draws through /plans/:id/draws: run on the server from its own lists as they are, with the seed
// recorded before the draw; stored with the hashes of its inputs, the algorithm and the result;
// never made twice by a request sent again; a redraw only as a new draw with a reason, both kept;
// a joint draw giving an enterprise due at both agencies one visit; and re-verified from its
// record. Every refusal leaves the draws and the tasks as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraw } from '../../domain/rules/draw';
import type { Verification } from '../../domain/rules/draw';
import type { DrawInput, DrawRecord } from '../../domain/schemas/draw';
import { DRAW_ALGORITHM } from '../../domain/schemas/draw';
import type { Plan } from '../../domain/schemas/plan';
import type { Task } from '../../domain/schemas/task';
import type { DemoApp } from '../support/demo-app';
import { demoApp, errorBody } from '../support/demo-app';
import { agencyOf } from '../support/extra-users';
import type { Device } from '../support/push-fixtures';
import { signIn } from '../support/push-fixtures';
import {
  addOfficer,
  approvedPlan,
  countRows,
  drawRequest,
  planBody,
  send,
  signInPlanPeople,
} from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

interface DrawAnswer {
  draw: DrawRecord;
  tasks: Task[];
  replayed: boolean;
}

const LEAVE = { from: '2027-02-01', to: '2027-02-03' };

describe.each(databaseKinds)('draws on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let envSupervisor: Device;
  let inspector: Device;
  let admin: Device;
  let officers: Device[];
  let onLeave: Device;
  let envOfficers: Device[];
  let plan: Plan;
  let envPlan: Plan;
  let safety: string;
  let environment: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    ({ supervisor, envSupervisor, inspector, admin } = await signInPlanPeople(t));
    safety = agencyOf(t, 'safety');
    environment = agencyOf(t, 'environment');
    officers = [];
    for (const n of [1, 2, 3, 4]) {
      officers.push(await addOfficer(t, { username: `officer.s${n}`, agency: 'safety' }));
    }
    onLeave = await addOfficer(t, { username: 'officer.leave', agency: 'safety', leave: [LEAVE] });
    envOfficers = [];
    for (const n of [1, 2, 3]) {
      envOfficers.push(await addOfficer(t, { username: `officer.e${n}`, agency: 'environment' }));
    }
    plan = await approvedPlan(t, supervisor, planBody());
    // The environment bureau draws every enterprise in Q3 and none otherwise, so that a joint
    // draw of Q3 finds every enterprise it draws due there too.
    const zero = { major: 0, considerable: 0, general: 0, low: 0 };
    const all = { major: 10_000, considerable: 10_000, general: 10_000, low: 10_000 };
    envPlan = await approvedPlan(
      t,
      envSupervisor,
      planBody({
        shares: ['Q1', 'Q2', 'Q3', 'Q4'].map((period) => ({
          period,
          shares: period === 'Q3' ? all : zero,
        })),
      }),
    );
  });
  afterAll(() => t.close());

  const draw = (device: Device, body: unknown, planId = plan.id) =>
    send(t, 'POST', `/plans/${planId}/draws`, device, body);

  const stored = async () => ({
    draws: await t.db.query<{ record: DrawRecord }>('SELECT record FROM draws ORDER BY id'),
    tasks: await t.db.query<{ data: Task }>(
      `SELECT data FROM records WHERE entity = 'task' ORDER BY id`,
    ),
    assignees: await countRows(t, 'SELECT * FROM task_assignees'),
  });

  /** Asserts the refusal and that no draw, task or assignee was stored or changed. */
  async function refused(
    body: unknown,
    device: Device,
    status: number,
    code: string,
    planId?: string,
  ) {
    const before = await stored();
    const res = await draw(device, body, planId);
    expect(res.statusCode, res.body).toBe(status);
    expect(errorBody(res).error).toBe(code);
    expect(await stored()).toEqual(before);
  }

  const tasksOf = async (drawId: string) =>
    (
      await t.db.query<{ data: Task; town: string }>(
        `SELECT data, town FROM records WHERE entity = 'task' AND data->>'drawId' = $1`,
        [drawId],
      )
    ).map((r) => ({ ...r.data, town: r.town }));

  let first: DrawRecord;

  it('draws from the lists as they are, recording the seed before, the hash of each list, the algorithm and the result, and makes a task of each staffed visit', async () => {
    const body = drawRequest();
    const res = await draw(supervisor, body);
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<DrawAnswer>();
    first = answer.draw;
    expect(answer.replayed).toBe(false);
    expect(first).toMatchObject({
      agencyId: safety,
      planId: plan.id,
      planRevision: 1,
      periodKey: 'Q1',
      periodFrom: '2027-01-01',
      periodTo: '2027-03-31',
      algorithm: DRAW_ALGORITHM,
      jointPartnerAgencyId: null,
      redraw: null,
      drawnBy: supervisor.userId,
      seed: { ...body.seed, recordedBy: supervisor.userId },
    });
    expect(Date.parse(first.seed.recordedAt)).toBeLessThanOrEqual(Date.parse(first.drawnAt));

    // The inputs stored with it are the server's lists, and give its result again.
    const read = await send(t, 'GET', `/draws/${first.id}`, inspector);
    expect(read.statusCode, read.body).toBe(200);
    const { input } = read.json<{ draw: DrawRecord; input: DrawInput }>();
    const enterprises = await countRows(
      t,
      `SELECT * FROM records WHERE entity = 'enterprise' AND deleted_at IS NULL`,
    );
    expect(input.targets).toHaveLength(enterprises);
    // The demo inspectors have no certificate expiry recorded, so only the added officers.
    expect(input.officers.map((o) => o.userId).sort()).toEqual(
      [...officers, onLeave].map((o) => o.userId).sort(),
    );
    const again = runDraw(input);
    expect(again.result).toEqual(first.result);
    expect(again.inputHashes).toEqual(first.inputHashes);
    expect(again.resultHash).toBe(first.resultHash);

    const staffed = first.result.visits.filter((v) => v.unstaffed === null);
    expect(staffed.length).toBeGreaterThan(0);
    for (const visit of staffed) {
      expect(new Set(visit.officerIds).size).toBe(2);
      expect(visit.officerIds).not.toContain(onLeave.userId);
    }
    const tasks = await tasksOf(first.id);
    expect(tasks.map((x) => [x.enterpriseId, x.officerIds, x.dueFrom, x.dueBy]).sort()).toEqual(
      staffed.map((v) => [v.enterpriseId, v.officerIds, '2027-01-01', '2027-03-31']).sort(),
    );
    for (const task of tasks) {
      expect(task.town).toBe(t.district.enterprises.find((e) => e.id === task.enterpriseId)?.town);
    }
    expect(answer.tasks.map((x) => x.id).sort()).toEqual(tasks.map((x) => x.id).sort());
    expect(await countRows(t, 'SELECT * FROM task_assignees')).toBe(2 * tasks.length);

    const verified = await send(t, 'GET', `/draws/${first.id}/verify`, supervisor);
    expect(verified.json<Verification>()).toEqual({ matches: true, problems: [] });
  });

  it('gives a request sent again the draw it made the first time, never a second draw, and refuses its key for another request', async () => {
    const body = drawRequest({ periodKey: 'Q2' });
    const [a, b] = await Promise.all([draw(supervisor, body), draw(supervisor, body)]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 201]);
    const made = a?.json<DrawAnswer>().draw;
    expect(b?.json<DrawAnswer>().draw).toEqual(made);
    const before = await stored();
    const retry = await draw(supervisor, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<DrawAnswer>()).toMatchObject({ replayed: true, draw: made });
    expect(await stored()).toEqual(before);
    expect(before.draws.filter((d) => d.record.periodKey === 'Q2')).toHaveLength(1);

    await refused(
      { ...body, seed: { ...body.seed, value: 'another seed' } },
      supervisor,
      409,
      'draw.idempotencyKeyReused',
    );
  });

  it('never redraws silently: a second draw of a period is a redraw naming the draw in force with a reason, both kept, and the replaced tasks deleted', async () => {
    await refused(drawRequest(), supervisor, 409, 'draw.redrawRequired');
    await refused(
      drawRequest({ periodKey: 'Q4', redraw: { of: first.id, reason: '理由' } }),
      supervisor,
      409,
      'draw.nothingToRedraw',
    );
    const oldTasks = await tasksOf(first.id);
    const res = await draw(
      supervisor,
      drawRequest({
        seed: { source: 'generated', description: '' },
        redraw: { of: first.id, reason: '抽中的执法人员临时抽调参加省级督查' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const redraw = res.json<DrawAnswer>().draw;
    expect(redraw.redraw).toEqual({ of: first.id, reason: '抽中的执法人员临时抽调参加省级督查' });
    expect(redraw.seed.source).toBe('generated');
    expect(redraw.seed.value).toMatch(/^[0-9a-f]{64}$/);

    const listed = await send(t, 'GET', `/plans/${plan.id}/draws`, supervisor);
    expect(listed.json<{ draws: DrawRecord[] }>().draws.map((d) => d.id)).toEqual(
      expect.arrayContaining([first.id, redraw.id]),
    );
    // The first draw is kept as it was; its tasks are deleted, the redraw's are live.
    const kept = await send(t, 'GET', `/draws/${first.id}`, supervisor);
    expect(kept.json<{ draw: DrawRecord }>().draw).toEqual(first);
    const after = await tasksOf(first.id);
    expect(after.map((x) => x.id).sort()).toEqual(oldTasks.map((x) => x.id).sort());
    expect(after.every((x) => x.deletedAt !== null)).toBe(true);
    expect((await tasksOf(redraw.id)).every((x) => x.deletedAt === null)).toBe(true);

    await refused(
      drawRequest({ redraw: { of: first.id, reason: '再次重抽' } }),
      supervisor,
      409,
      'draw.redrawOfNotInForce',
    );
  });

  it('refuses a draw by anyone but a supervisor of the agency, of a plan not approved or not in force, or of a period the plan lacks', async () => {
    await refused(drawRequest({ periodKey: 'Q4' }), inspector, 403, 'draw.notSupervisorOfAgency');
    await refused(drawRequest({ periodKey: 'Q4' }), admin, 403, 'draw.notSupervisorOfAgency');
    await refused(drawRequest({ periodKey: 'Q4' }), envSupervisor, 404, 'plan.notFound');
    await refused(drawRequest({ periodKey: 'M01' }), supervisor, 400, 'draw.periodNotInPlan');
    await refused(
      { ...drawRequest({ periodKey: 'Q4' }), seed: undefined },
      supervisor,
      400,
      'invalid_body',
    );

    const draft = await send(t, 'POST', '/plans', supervisor, planBody({ year: 2028 }));
    const draftId = draft.json<{ plan: Plan }>().plan.id;
    await refused(drawRequest(), supervisor, 409, 'draw.planNotApproved', draftId);

    const old = await approvedPlan(t, supervisor, planBody({ year: 2029 }));
    const revised = await send(t, 'POST', `/plans/${old.id}/revisions`, supervisor, {
      reason: '调整',
    });
    const next = revised.json<{ plan: Plan }>().plan;
    const ok = await send(t, 'POST', `/plans/${next.id}/approve`, supervisor, { baseVersion: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    await refused(drawRequest(), supervisor, 409, 'draw.planNotInForce', old.id);
  });

  it('gives an enterprise drawn by the agency and due at the partner one joint visit, with an officer of each, in place of the partner’s own task there', async () => {
    const joint = drawRequest({ periodKey: 'Q3', jointPartnerAgencyId: environment });
    await refused(joint, supervisor, 409, 'draw.partnerNotDrawn');
    await refused(
      { ...joint, jointPartnerAgencyId: safety },
      supervisor,
      400,
      'draw.partnerIsOwnAgency',
    );

    const partner = await draw(envSupervisor, drawRequest({ periodKey: 'Q3' }), envPlan.id);
    expect(partner.statusCode, partner.body).toBe(201);
    const envDraw = partner.json<DrawAnswer>().draw;
    const due = new Set(envDraw.result.visits.map((v) => v.enterpriseId));

    const res = await draw(supervisor, joint);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<DrawAnswer>().draw;
    expect(made.jointPartnerAgencyId).toBe(environment);
    expect(made.result.visits.length).toBeGreaterThan(0);
    const envIds = new Set(envOfficers.map((o) => o.userId));
    for (const visit of made.result.visits) {
      expect(due.has(visit.enterpriseId)).toBe(true);
      expect(visit).toMatchObject({ joint: true, agencyIds: [safety, environment] });
      if (visit.unstaffed === null) {
        expect(visit.officerIds.filter((id) => envIds.has(id))).toHaveLength(1);
      }
    }
    const jointAt = new Set(
      made.result.visits.filter((v) => v.unstaffed === null).map((v) => v.enterpriseId),
    );
    for (const task of await tasksOf(envDraw.id)) {
      expect(task.deletedAt !== null).toBe(jointAt.has(task.enterpriseId));
    }
    for (const task of await tasksOf(made.id)) {
      expect(task).toMatchObject({ joint: true, agencyIds: [safety, environment] });
    }
    // The partner reads the joint draw and can verify it.
    const verified = await send(t, 'GET', `/draws/${made.id}/verify`, envSupervisor);
    expect(verified.json<Verification>()).toEqual({ matches: true, problems: [] });
  });

  it('re-verifies a draw from its record, and names what was changed in the stored record or inputs', async () => {
    const res = await draw(supervisor, drawRequest({ periodKey: 'Q4' }));
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<DrawAnswer>().draw;
    const verify = async () =>
      (await send(t, 'GET', `/draws/${id}/verify`, supervisor)).json<Verification>();
    expect(await verify()).toEqual({ matches: true, problems: [] });

    await t.db.query(
      `UPDATE draws SET input = jsonb_set(input, '{targets}', (input->'targets') - 0) WHERE id = $1`,
      [id],
    );
    expect((await verify()).problems).toContain('inputHash.targets');
    await t.db.query(
      `UPDATE draws SET input = jsonb_set(input, '{seed}', '"another"'), record = jsonb_set(record, '{resultHash}', to_jsonb(repeat('0', 64))) WHERE id = $1`,
      [id],
    );
    const problems = (await verify()).problems;
    expect(problems).toEqual(expect.arrayContaining(['seed.differs', 'result.hashMismatch']));

    const other = await signIn(t.app, t.district, 'inspector.chen');
    const hidden = await send(t, 'GET', `/draws/${id}/verify`, other);
    expect(hidden.statusCode).toBe(404);
  });
});
