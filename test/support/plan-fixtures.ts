// Builders for plan and draw tests: a plan body, officers on the officer list (a certificate with
// its expiry, leave, every town), and request helpers for the /plans routes.
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Plan } from '../../domain/schemas/plan';
import type { DrawRequest, PlanCreate } from '../../domain/schemas/plan-requests';
import type { LeavePeriod } from '../../domain/schemas/leave';
import type { Task } from '../../domain/schemas/task';
import { pullResponseSchema } from '../../domain/sync/protocol';
import type { DemoApp } from './demo-app';
import { bearer, getAs } from './demo-app';
import type { ExtraUser } from './extra-users';
import { addUser } from './extra-users';
import type { Device } from './push-fixtures';
import { signIn } from './push-fixtures';

export const PLAN_YEAR = 2027;

export function planBody(overrides: Partial<PlanCreate> = {}): PlanCreate {
  const shares = { major: 2500, considerable: 1500, general: 1000, low: 500 };
  return {
    year: PLAN_YEAR,
    title: '2027年度监督检查计划',
    keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1, 4: 1 },
    periodKind: 'quarter',
    shares: ['Q1', 'Q2', 'Q3', 'Q4'].map((period) => ({ period, shares })),
    ...overrides,
  };
}

export function send(
  t: DemoApp,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  device: Device | null,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      ...(device ? bearer(device.token) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

export interface OfficerSpec {
  username: string;
  agency: ExtraUser['agency'];
  certificateExpiresOn?: string;
  leave?: Pick<LeavePeriod, 'from' | 'to'>[];
  /** Every demo town unless given. */
  jurisdiction?: string[];
}

/**
 * An inspector on the officer list of the agency (as the administration would record them),
 * with every demo town, signed in on a device of their own.
 */
export function addOfficer(t: DemoApp, spec: OfficerSpec): Promise<Device> {
  return addUser(
    t,
    {
      username: spec.username,
      role: 'inspector',
      agency: spec.agency,
      jurisdiction: spec.jurisdiction ?? [...new Set(t.district.enterprises.map((e) => e.town))],
    },
    {
      certificateExpiresOn: spec.certificateExpiresOn ?? '2030-12-31',
      leave: (spec.leave ?? []).map((l) => ({ ...l, note: '' })),
    },
  );
}

/** Who the plan and draw tests act as, each signed in on a device of their own, in this order. */
export async function signInPlanPeople(t: DemoApp) {
  return {
    supervisor: await signIn(t.app, t.district, 'supervisor.safety'),
    envSupervisor: await signIn(t.app, t.district, 'supervisor.env'),
    inspector: await signIn(t.app, t.district, 'inspector.li'),
    admin: await signIn(t.app, t.district, 'admin'),
  };
}

/** Rows of a table, for showing that a refused request stored nothing. */
export async function countRows(t: DemoApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await t.db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM (${sql}) AS x`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A draw request of the period with a public seed and a fresh idempotency key. */
export function drawRequest(overrides: Partial<DrawRequest> = {}): DrawRequest {
  return {
    idempotencyKey: uuidv7(),
    periodKey: 'Q1',
    seed: {
      source: 'public',
      value: '2027001: 3 8 5',
      description: '中国福利彩票3D 2027001期开奖号码',
    },
    jointPartnerAgencyId: null,
    redraw: null,
    ...overrides,
  };
}

/** A plan created and approved by the supervisor through the routes. */
export async function approvedPlan(
  t: DemoApp,
  supervisor: Device,
  body: PlanCreate,
): Promise<Plan> {
  const created = await send(t, 'POST', '/plans', supervisor, body);
  if (created.statusCode !== 201) throw new Error(`plan: ${created.statusCode} ${created.body}`);
  const { plan } = created.json<{ plan: Plan }>();
  const approved = await send(t, 'POST', `/plans/${plan.id}/approve`, supervisor, {
    baseVersion: plan.version,
  });
  if (approved.statusCode !== 200)
    throw new Error(`approve: ${approved.statusCode} ${approved.body}`);
  return approved.json<{ plan: Plan }>().plan;
}

/** The tasks of one kind (drawn visits or key inspections) a device pulls, every page read. */
export async function pulledTasks(t: DemoApp, device: Device, kind: Task['kind']): Promise<Task[]> {
  const found: Task[] = [];
  let cursor = '';
  for (;;) {
    const res = await getAs(t.app, `/api/v1/sync/pull?limit=500${cursor}`, device.token);
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
    const page = pullResponseSchema.parse(res.json());
    for (const c of page.changes) {
      const data = c.data as Task | null;
      if (c.entity === 'task' && data?.kind === kind) found.push(data);
    }
    if (!page.hasMore) return found;
    cursor = `&cursor=${page.cursor}`;
  }
}
