// What the administration fuzzer sends: every route of the administration API, the plans and
// draws, officers' declared conflicts, risk class overrides and the document register, with path
// parameters picked from what the database holds (or random and hostile), bodies that start valid
// and are perturbed or are hostile outright, hostile queries, and enterprise files whose cells
// are hostile.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../server/src/db/database';
import { creditCode, enterpriseInput } from './enterprise-sheets';
import type { Body, Caller, Headers, Query } from './fuzz-recipes';
import { body, encodePart, headers, queryValue } from './fuzz-recipes';
import { callerActor, callerToken, recipeHeaders } from './fuzz-requests';
import { hostileString, perturb } from './fuzz-values';
import type { ActorName, FuzzWorld } from './fuzz-world';
import { actorNames } from './fuzz-world';
import { drawRequest, planBody } from './plan-fixtures';
import { defaultGb18218Table } from '../../domain/data/gb18218-table';

/** The shipped GB 18218 table with ammonia's critical quantity made `n`-dependent. */
const editedTable = (n: number) => ({
  ...defaultGb18218Table,
  table1: defaultGb18218Table.table1.map((row, i) =>
    i === 0 ? { ...row, Q: 10 + (n % 50) } : row,
  ),
});

/** What a path parameter names, read from the database when the request is made. */
type Target =
  | 'user'
  | 'agency'
  | 'town'
  | 'enterprise'
  | 'template'
  | 'draft'
  | 'device'
  | 'session'
  | 'plan'
  | 'draw'
  | 'officerConflict'
  | 'riskOverride'
  | 'finding'
  | 'inspection'
  | 'case';

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  targets?: Target[];
  /** The query's keys, for a GET. */
  query?: string[];
  /** A valid body for the targets picked; 'file' sends an enterprise sheet. */
  body?: ((ids: string[], pick: number) => Record<string, unknown>) | 'file';
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/admin/agencies' },
  {
    method: 'POST',
    path: '/admin/agencies',
    body: (_, n) => ({ name: `新河区第${n}局`, shortName: `新${n}`, kind: 'safety' }),
  },
  {
    method: 'PATCH',
    path: '/admin/agencies/:id',
    targets: ['agency'],
    body: (_, n) => ({ shortName: `简${n}` }),
  },
  { method: 'GET', path: '/admin/towns' },
  {
    method: 'POST',
    path: '/admin/towns',
    body: (_, n) => ({ code: `330604${String(500 + (n % 400))}`, name: `新镇${n}`, kind: 'town' }),
  },
  {
    method: 'PATCH',
    path: '/admin/towns/:id',
    targets: ['town'],
    body: (_, n) => ({ name: `改名${n}`, nameEn: `Renamed ${n}` }),
  },
  { method: 'GET', path: '/admin/users', query: ['search', 'role', 'agencyId', 'town', 'active'] },
  {
    method: 'POST',
    path: '/admin/users',
    targets: ['agency'],
    body: ([agencyId], n) => ({
      username: `fuzz.user${n}`,
      displayName: `测试${n}`,
      role: 'inspector',
      agencyId,
      jurisdiction: ['330604001'],
      certificateNo: `ZJ${String(n).padStart(8, '0')}`,
      certificateExpiresOn: '2030-01-01',
      password: 'first-password-1',
    }),
  },
  {
    method: 'PATCH',
    path: '/admin/users/:id',
    targets: ['user'],
    body: (_, n) => ({ displayName: `改${n}`, certificateExpiresOn: '2029-06-30' }),
  },
  { method: 'POST', path: '/admin/users/:id/deactivate', targets: ['user'] },
  { method: 'POST', path: '/admin/users/:id/reactivate', targets: ['user'] },
  {
    method: 'POST',
    path: '/admin/users/:id/reset-password',
    targets: ['user'],
    body: () => ({ password: 'reset-password-1' }),
  },
  { method: 'GET', path: '/admin/devices' },
  { method: 'POST', path: '/admin/sessions/:id/revoke', targets: ['session'] },
  { method: 'POST', path: '/admin/devices/:id/revoke', targets: ['device'] },
  { method: 'POST', path: '/admin/devices/:id/wipe', targets: ['device'] },
  { method: 'GET', path: '/admin/audit', query: ['actorId', 'targetKind', 'from', 'to', 'limit'] },
  { method: 'GET', path: '/admin/audit.xlsx', query: ['targetKind', 'limit'] },
  { method: 'GET', path: '/admin/enterprises/template' },
  { method: 'GET', path: '/admin/enterprises/export', query: ['format'] },
  { method: 'POST', path: '/admin/enterprises/import/preview', body: 'file' },
  { method: 'POST', path: '/admin/enterprises/import', body: 'file' },
  {
    method: 'POST',
    path: '/admin/enterprises',
    body: (_, n) =>
      enterpriseInput({
        name: `新河新材料${n}有限公司`,
        creditCode: creditCode(7000 + (n % 1000)),
        address: '工业园 1 号',
        trackMilestones: [],
      }),
  },
  {
    method: 'POST',
    path: '/admin/enterprises/:id/close',
    targets: ['enterprise'],
    body: (_, n) => ({ baseVersion: 1 + (n % 40), kind: 'shutdown', date: '2026-11-30' }),
  },
  {
    method: 'POST',
    path: '/admin/enterprises/:id/reopen',
    targets: ['enterprise'],
    body: (_, n) => ({ baseVersion: 1 + (n % 40) }),
  },
  { method: 'GET', path: '/gb18218/edition' },
  { method: 'GET', path: '/admin/gb18218/editions' },
  {
    method: 'POST',
    path: '/admin/gb18218/editions',
    body: (_, n) => ({ baseRevision: 1 + (n % 3), table: editedTable(n), reason: `核对${n}` }),
  },
  { method: 'GET', path: '/admin/template-drafts' },
  {
    method: 'POST',
    path: '/admin/templates/:id/copy',
    targets: ['template'],
    body: (_, n) => ({ title: `本局检查表${n}` }),
  },
  { method: 'POST', path: '/admin/templates/:id/revise', targets: ['template'], body: () => ({}) },
  {
    method: 'POST',
    path: '/admin/template-drafts/:id/publish',
    targets: ['draft'],
    body: (_, n) => ({ revision: 1 + (n % 3) }),
  },
  {
    method: 'POST',
    path: '/admin/template-drafts/:id/discard',
    targets: ['draft'],
    body: (_, n) => ({ revision: 1 + (n % 3) }),
  },
  { method: 'GET', path: '/admin/template-drafts/:id/diff', targets: ['draft'] },
  { method: 'POST', path: '/admin/templates/:id/retire', targets: ['template'] },
  { method: 'GET', path: '/admin/templates/:id/diff/:otherId', targets: ['template', 'template'] },
  { method: 'GET', path: '/plans' },
  { method: 'POST', path: '/plans', body: () => ({ ...planBody() }) },
  { method: 'GET', path: '/plans/:id', targets: ['plan'] },
  {
    method: 'PUT',
    path: '/plans/:id',
    targets: ['plan'],
    body: (_, n) => ({ ...planBody(), baseVersion: 1 + (n % 3) }),
  },
  {
    method: 'POST',
    path: '/plans/:id/approve',
    targets: ['plan'],
    body: (_, n) => ({ baseVersion: 1 + (n % 3) }),
  },
  {
    method: 'POST',
    path: '/plans/:id/revisions',
    targets: ['plan'],
    body: () => ({ reason: '年中调整' }),
  },
  { method: 'GET', path: '/plans/:id/draws', targets: ['plan'] },
  {
    method: 'POST',
    path: '/plans/:id/draws',
    targets: ['plan'],
    body: () => ({ ...drawRequest() }),
  },
  { method: 'GET', path: '/draws/:id', targets: ['draw'] },
  { method: 'GET', path: '/draws/:id/verify', targets: ['draw'] },
  { method: 'GET', path: '/draws/:id/results', targets: ['draw'] },
  { method: 'GET', path: '/officer-conflicts' },
  {
    method: 'POST',
    path: '/officer-conflicts',
    targets: ['user', 'enterprise'],
    body: ([officerId, enterpriseId]) => ({ officerId, enterpriseId, reason: '亲属在该企业任职' }),
  },
  { method: 'POST', path: '/officer-conflicts/:id/withdraw', targets: ['officerConflict'] },
  { method: 'GET', path: '/target-list' },
  {
    method: 'POST',
    path: '/risk-overrides',
    targets: ['enterprise'],
    body: ([enterpriseId], n) => ({
      enterpriseId,
      riskClass: n % 2 === 0 ? 'major' : 'low',
      computedClass: n % 3 === 0 ? 'low' : 'general',
      reason: '现场核实情况与计算不符',
    }),
  },
  { method: 'POST', path: '/risk-overrides/:id/withdraw', targets: ['riskOverride'] },
  {
    method: 'GET',
    path: '/register',
    query: ['number', 'enterprise', 'kind', 'from', 'to', 'limit', 'offset'],
  },
  { method: 'GET', path: '/register/export.xlsx', query: ['kind', 'from'] },
  { method: 'GET', path: '/cases' },
  { method: 'GET', path: '/cases/:id', targets: ['case'] },
  {
    method: 'POST',
    path: '/cases',
    targets: ['finding'],
    body: ([recordId], n) => ({
      origin: {
        kind: ['overdueMajorHazard', 'failedReinspection', 'refusedInspection'][n % 3],
        recordId,
      },
      summary: '逾期未完成重大事故隐患整改',
    }),
  },
  {
    method: 'POST',
    path: '/cases/:id/approval',
    targets: ['case'],
    body: (_, n) => ({
      version: 1 + (n % 4),
      approved: n % 5 !== 0,
      comment: n % 5 ? '' : '证据不足',
    }),
  },
  {
    method: 'POST',
    path: '/cases/:id/advance',
    targets: ['case'],
    body: (_, n) => ({
      version: 1 + (n % 6),
      to: ['investigation', 'notice', 'hearing', 'decision', 'execution', 'closing'][n % 6],
      note: '已完成',
    }),
  },
  {
    method: 'POST',
    path: '/cases/:id/evidence',
    targets: ['case', 'inspection'],
    body: ([, id], n) => ({ version: 1 + (n % 6), evidence: { kind: 'inspection', id } }),
  },
  {
    method: 'POST',
    path: '/cases/:id/amendments',
    targets: ['case'],
    body: (_, n) => ({ version: 1 + (n % 6), reason: '更正笔误', note: '', evidence: null }),
  },
  {
    method: 'POST',
    path: '/cases/:id/receipts',
    targets: ['case', 'user'],
    body: ([, userId], n) => ({
      version: 1 + (n % 6),
      receipt: {
        id: '0197a000-0000-7000-8000-00000000fe01',
        document: ['penaltyNotice', 'penaltyDecision', 'caseFiling'][n % 3],
        method: 'direct',
        servedAt: '2026-11-29T07:40:00.000+08:00',
        place: '企业办公楼',
        servedBy: [userId],
        recipient: { name: '王建国', title: '' },
        signature: { sha256: (n % 16).toString(16).repeat(64), mime: 'image/png', size: 10 },
        refusal: null,
      },
    }),
  },
];

export type Param = { pick: number } | 'random' | { raw: string };

export type FileBody =
  | { kind: 'export'; cells: { row: number; column: number; value: string }[] }
  | { kind: 'raw'; text: string };

export interface AdminRecipe {
  caller: Caller;
  headers: Headers;
  route: number;
  params: Param[];
  query: Query;
  body: Body;
  file: FileBody;
  n: number;
}

const param: fc.Arbitrary<Param> = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((pick) => ({ pick })) },
  { weight: 1, arbitrary: fc.constant('random' as const) },
  { weight: 1, arbitrary: hostileString.map((raw) => ({ raw })) },
);

const file: fc.Arbitrary<FileBody> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.record({ row: fc.nat(), column: fc.nat(), value: hostileString }), {
        maxLength: 3,
      })
      .map((cells) => ({ kind: 'export' as const, cells })),
  },
  { weight: 1, arbitrary: hostileString.map((text) => ({ kind: 'raw' as const, text })) },
);

/** Mostly the administrator, whose requests reach furthest; everyone else is refused early. */
const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Caller>('admin') },
  { weight: 3, arbitrary: fc.constant<Caller>('supervisor') },
  { weight: 2, arbitrary: fc.constantFrom<Caller>('inspector', 'bystander') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('none', 'forged', 'revoked') },
);

export const adminRecipe: fc.Arbitrary<AdminRecipe> = fc.record({
  caller,
  headers,
  route: fc.nat({ max: ROUTES.length - 1 }),
  params: fc.array(param, { minLength: 2, maxLength: 2 }),
  query: fc.array(
    fc.record({ key: fc.oneof(fc.nat().map(String), hostileString), value: queryValue }),
    { maxLength: 3 },
  ),
  body: body(9),
  file,
  n: fc.nat({ max: 100_000 }),
});

const TARGET_SQL: Record<Target, string> = {
  user: "SELECT id::text AS id FROM records WHERE entity = 'user'",
  agency: "SELECT id::text AS id FROM records WHERE entity = 'agency'",
  town: "SELECT id::text AS id FROM records WHERE entity = 'town'",
  enterprise: "SELECT id::text AS id FROM records WHERE entity = 'enterprise'",
  template: "SELECT id::text AS id FROM records WHERE entity = 'template'",
  draft: 'SELECT id::text AS id FROM template_drafts',
  device: 'SELECT device_id::text AS id FROM devices',
  session: 'SELECT md5(token_hash) AS id FROM sessions',
  plan: 'SELECT id::text AS id FROM plans',
  draw: 'SELECT id::text AS id FROM draws',
  officerConflict: 'SELECT id::text AS id FROM officer_conflicts',
  riskOverride: 'SELECT id::text AS id FROM risk_overrides',
  finding: "SELECT id::text AS id FROM records WHERE entity = 'finding'",
  inspection: "SELECT id::text AS id FROM records WHERE entity = 'inspection'",
  case: 'SELECT id::text AS id FROM penalty_cases',
};

/**
 * The ids the fuzzer may name: not the acting accounts (other than the bystander), their devices
 * or sessions, so that the run keeps its callers.
 */
async function targetIds(db: Queryable, world: FuzzWorld, target: Target): Promise<string[]> {
  const kept = actorNames.filter((a) => a !== 'bystander').map((a) => world.actors[a]);
  const excluded = new Set(
    kept
      .flatMap((a) => [a.userId, a.deviceId])
      .concat(
        (
          await db.query<{ id: string }>(
            `SELECT md5(token_hash) AS id FROM sessions WHERE device_id::text = ANY($1)`,
            [kept.map((a) => a.deviceId)],
          )
        ).map((r) => r.id),
      ),
  );
  const rows = await db.query<{ id: string }>(`${TARGET_SQL[target]} ORDER BY 1`);
  return rows.map((r) => r.id).filter((id) => !excluded.has(id));
}

async function resolveParam(
  db: Queryable,
  world: FuzzWorld,
  target: Target,
  p: Param,
): Promise<string> {
  if (p === 'random') return uuidv7();
  if ('raw' in p) return p.raw;
  const ids = await targetIds(db, world, target);
  return ids.length === 0 ? uuidv7() : ids[p.pick % ids.length]!;
}

/** The registry as exported (CSV), with the recipe's cells made hostile. */
function sheetText(exported: string, f: FileBody): string {
  if (f.kind === 'raw') return f.text;
  const lines = exported.split(/\r?\n/).filter((l) => l !== '');
  for (const cell of f.cells) {
    const at = 1 + (cell.row % Math.max(1, lines.length - 1));
    const cells = (lines[at] ?? '').split(',');
    cells[cell.column % Math.max(1, cells.length)] = cell.value;
    lines[at] = cells.join(',');
  }
  return lines.join('\r\n');
}

export interface AdminSent {
  route: Route;
  actor: ActorName | null;
}

/** Sends the request the recipe describes; `ready` runs right before it goes (the snapshot). */
export async function sendAdmin(
  world: FuzzWorld,
  exportedCsv: string,
  recipe: AdminRecipe,
  ready: () => Promise<void>,
): Promise<{ res: LightMyRequestResponse; sent: AdminSent }> {
  const route = ROUTES[recipe.route]!;
  const db = world.t.db;
  const ids: string[] = [];
  for (const [i, target] of (route.targets ?? []).entries()) {
    ids.push(await resolveParam(db, world, target, recipe.params[i] ?? 'random'));
  }
  let index = 0;
  const url = `/api/v1${route.path.replace(/:\w+/g, () => encodePart(ids[index++] ?? ''))}${
    route.query && recipe.query.length > 0
      ? `?${recipe.query
          .map((q) => {
            const key = /^\d+$/.test(q.key)
              ? route.query![Number(q.key) % route.query!.length]!
              : q.key;
            return `${encodePart(key)}=${encodePart(q.value)}`;
          })
          .join('&')}`
      : ''
  }`;
  let payload: string | undefined;
  let contentType = 'application/json';
  if (route.body === 'file') {
    payload = sheetText(exportedCsv, recipe.file);
    contentType = 'text/csv';
  } else if (route.method !== 'GET') {
    const b = recipe.body;
    const valid = route.body ? route.body(ids, recipe.n) : {};
    payload =
      b.kind === 'none'
        ? undefined
        : b.kind === 'text'
          ? b.text
          : (JSON.stringify(b.kind === 'valid' ? perturb(valid, b.changes) : b.value) ??
            'undefined');
  }
  const actor = callerActor(world, recipe.caller)?.name ?? null;
  const token = callerToken(world, recipe.caller);
  const h = recipeHeaders(token, recipe.headers, payload === undefined ? undefined : contentType);
  await ready();
  const res = await world.t.app.inject({
    method: route.method,
    url,
    headers: h,
    ...(payload === undefined ? {} : { payload }),
  });
  return { res, sent: { route, actor } };
}
