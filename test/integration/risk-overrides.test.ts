// Supervisors' overrides of risk classes in the inspection-target list, through /target-list and
// /risk-overrides: decided only by a supervisor of the agency for an enterprise of their towns,
// against the class the server computes, stamped by the server, replacing the one in force, and
// read by every draw of the agency (and no other agency's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawInput, DrawRecord } from '../../domain/schemas/draw';
import type { RiskClass, RiskOverride } from '../../domain/schemas/risk';
import { riskClasses } from '../../domain/schemas/risk';
import type { TargetListAnswer, TargetRow } from '../../domain/schemas/target-list-api';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp, errorBody } from '../support/demo-app';
import { addUser } from '../support/extra-users';
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

const other = (c: RiskClass): RiskClass => (c === 'major' ? 'low' : 'major');
/** A class neither `c` nor other(c). */
const third = (c: RiskClass): RiskClass =>
  riskClasses.find((x) => x !== c && x !== other(c)) ?? 'general';

describe.each(databaseKinds)('risk class overrides on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let envSupervisor: Device;
  let admin: Device;
  let inspector: Device;
  let oneTownSupervisor: Device;
  let row: TargetRow;
  beforeAll(async () => {
    t = await demoApp(kind);
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    envSupervisor = await signIn(t.app, t.district, 'supervisor.env');
    admin = await signIn(t.app, t.district, 'admin');
    inspector = await signIn(t.app, t.district, 'inspector.li');
    const list = await targetList(supervisor);
    const first = list.rows[0];
    if (!first) throw new Error('the demo list is empty');
    row = first;
    const elsewhere = t.district.enterprises.find((e) => e.town !== row.town);
    if (!elsewhere) throw new Error('the demo district has one town');
    oneTownSupervisor = await addUser(t, {
      username: 'supervisor.onetown',
      role: 'supervisor',
      agency: 'safety',
      jurisdiction: [elsewhere.town],
    });
  });
  afterAll(() => t.close());

  async function targetList(device: Device): Promise<TargetListAnswer> {
    const res = await send(t, 'GET', '/target-list', device);
    if (res.statusCode !== 200) throw new Error(`target list: ${res.statusCode} ${res.body}`);
    return res.json<TargetListAnswer>();
  }
  const rowOf = async (device: Device, id = row.enterpriseId) =>
    (await targetList(device)).rows.find((r) => r.enterpriseId === id);

  const override = (device: Device, changes: Record<string, unknown> = {}) =>
    send(t, 'POST', '/risk-overrides', device, {
      enterpriseId: row.enterpriseId,
      riskClass: other(row.computedClass),
      computedClass: row.computedClass,
      reason: '该企业新建罐区尚未纳入重大危险源辨识',
      ...changes,
    });
  const stored = () => countRows(t, 'SELECT * FROM risk_overrides');

  it('lists every enterprise of the towns with its factors, points and computed class', async () => {
    const list = await targetList(supervisor);
    expect(list.asOf).toBe('2026-11-29');
    expect(list.rows).toHaveLength(t.district.enterprises.length);
    for (const r of list.rows) {
      expect(r.score).toBe(r.factors.reduce((s, f) => s + f.points, 0));
      expect(r.riskClass).toBe(r.computedClass);
      expect(r.override).toBeNull();
    }
    const towns = new Set(
      t.district.users.find((u) => u.record.username === 'inspector.li')?.record.jurisdiction,
    );
    const own = await targetList(inspector);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => towns.has(r.town))).toBe(true);
  });

  it('refuses an override by anyone but a supervisor of the agency, storing nothing', async () => {
    for (const device of [inspector, admin]) {
      const res = await override(device);
      expect(res.statusCode, res.body).toBe(403);
      expect(errorBody(res).error).toBe('riskOverride.notSupervisorOfAgency');
    }
    expect(await stored()).toBe(0);
  });

  it('refuses an enterprise outside the supervisor’s towns, storing nothing', async () => {
    const res = await override(oneTownSupervisor);
    expect(res.statusCode, res.body).toBe(403);
    expect(errorBody(res).error).toBe('riskOverride.outsideJurisdiction');
    expect(await stored()).toBe(0);
  });

  it('refuses a computed class other than the server’s, and an override to the computed class', async () => {
    const stale = await override(supervisor, {
      computedClass: other(row.computedClass),
      riskClass: row.computedClass,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(errorBody(stale).error).toBe('riskOverride.computedClassChanged');
    const same = await override(supervisor, { riskClass: row.computedClass });
    expect(same.statusCode, same.body).toBe(400);
    expect(errorBody(same).error).toBe('riskOverride.sameAsComputed');
    expect(await stored()).toBe(0);
  });

  it('refuses a decider, agency or time sent by the device, an unknown enterprise and no reason', async () => {
    for (const extra of [
      { decidedBy: envSupervisor.userId },
      { agencyId: t.district.agencies[1]?.id },
      { decidedAt: '2020-01-01T00:00:00.000Z' },
      { reason: '  ' },
    ]) {
      const res = await override(supervisor, extra);
      expect(res.statusCode, `${JSON.stringify(extra)} ${res.body}`).toBe(400);
    }
    const unknown = await override(supervisor, { enterpriseId: supervisor.userId });
    expect(errorBody(unknown).error).toBe('riskOverride.unknownEnterprise');
    expect(await stored()).toBe(0);
  });

  it('stamps the override, replaces the one in force, and withdraws only by a supervisor of the agency', async () => {
    const later = new Date(TEST_NOW.getTime() + 60_000);
    t.setNow(later);
    const first = await override(supervisor);
    expect(first.statusCode, first.body).toBe(201);
    const decided = first.json<{ override: RiskOverride }>().override;
    expect(decided).toMatchObject({
      decidedBy: supervisor.userId,
      decidedAt: later.toISOString(),
      agencyId: t.district.agencies.find((a) => a.kind === 'safety')?.id,
      computedClass: row.computedClass,
      riskClass: other(row.computedClass),
    });
    expect((await rowOf(supervisor))?.riskClass).toBe(other(row.computedClass));
    // Another agency's list keeps the computed class.
    expect((await rowOf(envSupervisor))?.riskClass).toBe(row.computedClass);

    const second = await override(supervisor, {
      riskClass: third(row.computedClass),
      reason: '复核后调整',
    });
    expect(second.statusCode, second.body).toBe(201);
    const replacing = second.json<{ override: RiskOverride }>().override;
    const list = await targetList(supervisor);
    expect(list.rows.find((r) => r.enterpriseId === row.enterpriseId)?.override?.id).toBe(
      replacing.id,
    );
    const history = list.overrides.filter((o) => o.override.enterpriseId === row.enterpriseId);
    expect(history.map((o) => [o.override.id, o.withdrawnBy])).toEqual([
      [decided.id, supervisor.userId],
      [replacing.id, null],
    ]);
    expect(await countRows(t, 'SELECT * FROM risk_overrides WHERE withdrawn_at IS NULL')).toBe(1);
    const inForce = (await rowOf(supervisor))?.override;
    if (!inForce) throw new Error('no override in force');
    for (const device of [envSupervisor, inspector, admin, oneTownSupervisor]) {
      const res = await send(t, 'POST', `/risk-overrides/${inForce.id}/withdraw`, device);
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(
      await countRows(
        t,
        'SELECT * FROM risk_overrides WHERE id = $1::uuid AND withdrawn_at IS NULL',
        [inForce.id],
      ),
    ).toBe(1);
    const withdrawn = await send(t, 'POST', `/risk-overrides/${inForce.id}/withdraw`, supervisor);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ override: RiskOverride }>().override.deletedAt).toBe(
      later.toISOString(),
    );
    const back = await rowOf(supervisor);
    expect(back?.override).toBeNull();
    expect(back?.riskClass).toBe(row.computedClass);
    t.setNow(TEST_NOW);
  });

  it('gives a draw the class in force, and stores it in the draw’s input list', async () => {
    await addOfficer(t, { username: 'officer.r1', agency: 'safety' });
    await addOfficer(t, { username: 'officer.r2', agency: 'safety' });
    const res = await override(supervisor, { reason: '企业存在未申报的液氨储罐' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = await approvedPlan(t, supervisor, planBody());
    const drawn = await send(t, 'POST', `/plans/${plan.id}/draws`, supervisor, drawRequest());
    expect(drawn.statusCode, drawn.body).toBe(201);
    const { draw } = drawn.json<{ draw: DrawRecord }>();
    const read = await send(t, 'GET', `/draws/${draw.id}`, supervisor);
    const { input } = read.json<{ input: DrawInput }>();
    expect(input.targets.find((e) => e.enterpriseId === row.enterpriseId)?.riskClass).toBe(
      other(row.computedClass),
    );
    const untouched = input.targets.filter((e) => e.enterpriseId !== row.enterpriseId);
    const list = await targetList(supervisor);
    for (const e of untouched) {
      expect(e.riskClass).toBe(
        list.rows.find((r) => r.enterpriseId === e.enterpriseId)?.computedClass,
      );
    }
  });

  it('keeps one override in force when supervisors override the same enterprise at once', async () => {
    const second = await addUser(t, {
      username: 'supervisor.second',
      role: 'supervisor',
      agency: 'safety',
      jurisdiction: [row.town],
    });
    const rowsOf = (where = '') =>
      countRows(t, `SELECT * FROM risk_overrides WHERE enterprise_id = $1::uuid ${where}`, [
        row.enterpriseId,
      ]);
    const before = await rowsOf();
    // Six decisions sent together by two supervisors: each replaces the one in force when it
    // runs, so all are recorded and exactly one stands, whatever the order they ran in.
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        override(i % 2 === 0 ? supervisor : second, {
          riskClass: i % 3 === 0 ? third(row.computedClass) : other(row.computedClass),
          reason: `并发调整 ${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(6).fill(201));
    expect(await rowsOf()).toBe(before + 6);
    expect(await rowsOf('AND withdrawn_at IS NULL')).toBe(1);
    const list = await targetList(supervisor);
    const standing = list.rows.find((r) => r.enterpriseId === row.enterpriseId)?.override;
    const ids = answers.map((a) => a.json<{ override: RiskOverride }>().override.id);
    expect(ids).toContain(standing?.id);
  });
});
