// Officers' declared conflicts (回避) through /officer-conflicts: declared and withdrawn by the
// officer or a supervisor of their agency only, and avoided by every draw while in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawInput, DrawRecord } from '../../domain/schemas/draw';
import type { ConflictDeclaration } from '../../domain/schemas/officer';
import type { Plan } from '../../domain/schemas/plan';
import type { DemoApp } from '../support/demo-app';
import { demoApp, errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { signIn } from '../support/push-fixtures';
import {
  addOfficer,
  approvedPlan,
  countRows,
  drawRequest,
  planBody,
  send,
} from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)("officers' declared conflicts on %s", (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let envSupervisor: Device;
  let admin: Device;
  let officers: Device[];
  let plan: Plan;
  let enterpriseId: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    envSupervisor = await signIn(t.app, t.district, 'supervisor.env');
    admin = await signIn(t.app, t.district, 'admin');
    officers = [];
    for (const n of [1, 2, 3]) {
      officers.push(await addOfficer(t, { username: `officer.c${n}`, agency: 'safety' }));
    }
    // Every enterprise is drawn in H1, so the one declared is always among them.
    const all = { major: 10_000, considerable: 10_000, general: 10_000, low: 10_000 };
    const zero = { major: 0, considerable: 0, general: 0, low: 0 };
    plan = await approvedPlan(
      t,
      supervisor,
      planBody({
        periodKind: 'half',
        shares: [
          { period: 'H1', shares: all },
          { period: 'H2', shares: zero },
        ],
      }),
    );
    enterpriseId = t.district.enterprises[0]?.id ?? '';
  });
  afterAll(() => t.close());

  const declare = (device: Device, officer: Device, reason = '其配偶在该企业任安全主管') =>
    send(t, 'POST', '/officer-conflicts', device, {
      officerId: officer.userId,
      enterpriseId,
      reason,
    });

  it('refuses a declaration by anyone but the officer or a supervisor of their agency, storing nothing', async () => {
    const [a, b] = officers;
    if (!a || !b) throw new Error('officers missing');
    for (const device of [b, envSupervisor, admin]) {
      const res = await declare(device, a);
      expect(res.statusCode, res.body).toBe(403);
      expect(errorBody(res).error).toBe('conflict.notYours');
    }
    const unknown = await send(t, 'POST', '/officer-conflicts', a, {
      officerId: a.userId,
      enterpriseId: a.userId,
      reason: '理由',
    });
    expect(errorBody(unknown).error).toBe('conflict.unknownEnterprise');
    const empty = await declare(a, a, ' ');
    expect(empty.statusCode).toBe(400);
    expect(await countRows(t, 'SELECT * FROM officer_conflicts')).toBe(0);
  });

  it('never sends an officer to an enterprise they declared a conflict with, until withdrawn', async () => {
    const [a, b] = officers;
    if (!a || !b) throw new Error('officers missing');
    const own = await declare(a, a);
    expect(own.statusCode, own.body).toBe(201);
    const byBoss = await declare(supervisor, b);
    expect(byBoss.statusCode, byBoss.body).toBe(201);
    const listed = await send(t, 'GET', '/officer-conflicts', supervisor);
    expect(listed.json<{ conflicts: ConflictDeclaration[] }>().conflicts).toHaveLength(2);
    const mine = await send(t, 'GET', '/officer-conflicts', a);
    expect(mine.json<{ conflicts: ConflictDeclaration[] }>().conflicts).toHaveLength(1);

    const res = await send(
      t,
      'POST',
      `/plans/${plan.id}/draws`,
      supervisor,
      drawRequest({ periodKey: 'H1' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { draw } = res.json<{ draw: DrawRecord }>();
    const visit = draw.result.visits.find((v) => v.enterpriseId === enterpriseId);
    expect(visit).toBeDefined();
    // Two of the three declared a conflict there: only one may go, so no one is sent.
    expect(visit?.officerIds).toEqual([]);
    expect(visit?.unstaffed?.byAgency[0]?.excluded).toEqual(
      [a, b]
        .map((o) => ({ officerId: o.userId, reasons: ['conflict'] }))
        .sort((x, y) => (x.officerId < y.officerId ? -1 : 1)),
    );
    const read = await send(t, 'GET', `/draws/${draw.id}`, supervisor);
    expect(read.json<{ input: DrawInput }>().input.conflicts).toHaveLength(2);

    const id = own.json<{ conflict: ConflictDeclaration }>().conflict.id;
    const refused = await send(t, 'POST', `/officer-conflicts/${id}/withdraw`, b);
    expect(refused.statusCode).toBe(403);
    const withdrawn = await send(t, 'POST', `/officer-conflicts/${id}/withdraw`, a);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ conflict: ConflictDeclaration }>().conflict.deletedAt).not.toBeNull();

    const redraw = await send(
      t,
      'POST',
      `/plans/${plan.id}/draws`,
      supervisor,
      drawRequest({ periodKey: 'H1', redraw: { of: draw.id, reason: '回避声明已撤回' } }),
    );
    expect(redraw.statusCode, redraw.body).toBe(201);
    const again = redraw.json<{ draw: DrawRecord }>().draw;
    const staffed = again.result.visits.find((v) => v.enterpriseId === enterpriseId);
    expect(staffed?.officerIds.sort()).toEqual(
      officers
        .filter((o) => o !== b)
        .map((o) => o.userId)
        .sort(),
    );
  });
});
