import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enterprise, EnterpriseInput } from '../../domain/schemas/enterprise';
import {
  MAX_UNITS,
  enterpriseInputFields,
  enterpriseInputSchema,
} from '../../domain/schemas/enterprise';
import { unitsFromChemicals } from '../../domain/rules/enterprise-units';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { listAdminActions } from '../../server/src/admin/audit-log';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, login } from '../support/demo-app';
import { badCheckCode, enterpriseInput } from '../support/enterprise-sheets';
import { registryState as storedState } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

const BASE = '/api/v1/admin/enterprises';

describe.each(databaseKinds)('an administrator’s enterprise edits on %s', (kind) => {
  let t: DemoApp;
  let admin: string;
  let inspector: string;
  beforeEach(async () => {
    t = await demoApp(kind);
    admin = (await login(t.app, 'admin')).token;
    inspector = (await login(t.app, 'inspector.li')).token;
  });
  afterEach(() => t.close());

  const send = (method: 'POST' | 'PUT', url: string, body: unknown, token = admin) =>
    t.app.inject({
      method,
      url: `${BASE}${url}`,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const stored = async (id: string) => {
    const [row] = await t.db.query<{ data: Enterprise }>(
      "SELECT data FROM records WHERE entity = 'enterprise' AND id = $1::uuid",
      [id],
    );
    return row?.data;
  };

  it('creates an enterprise with every field, with history and an audit entry, and devices pull it', async () => {
    const res = await send('POST', '', enterpriseInput());
    expect(res.statusCode, res.body).toBe(201);
    const { enterprise } = res.json<{ enterprise: Enterprise }>();
    expect(enterprise).toMatchObject({ ...enterpriseInput(), closure: null });
    expect(enterprise.version).toBeGreaterThan(0);
    expect(await stored(enterprise.id)).toMatchObject(enterpriseInput());
    const [entry] = await listAdminActions(t.db, { targetKind: 'enterprise' });
    expect(entry).toMatchObject({ action: 'enterprise.create', targetId: enterprise.id });
    const pulled = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=1000',
      headers: bearer(inspector),
    });
    const ids = pullResponseSchema
      .parse(pulled.json())
      .changes.filter((c) => c.entity === 'enterprise')
      .map((c) => c.id);
    expect(ids).toContain(enterprise.id);
  });

  it('takes the chemicals list of a client from before units as one unit, stored without the list', async () => {
    const rest: Record<string, unknown> = { ...enterpriseInput() };
    delete rest.units;
    const chemicals = [{ name: '液氨', cas: '7664-41-7', maxQuantityT: 20 }];
    const res = await send('POST', '', { ...rest, chemicals });
    expect(res.statusCode, res.body).toBe(201);
    const { enterprise } = res.json<{ enterprise: Enterprise }>();
    expect(enterprise.units).toEqual(unitsFromChemicals(chemicals));
    expect(await stored(enterprise.id)).not.toHaveProperty('chemicals');
    const both = await send('POST', '', { ...enterpriseInput(), chemicals });
    expect(both.statusCode).toBe(400);
    expect(errorBody(both).message).toContain('chemicals is not a known field');
  });

  it.each([
    [
      'a CAS number with a wrong check digit',
      { units: unitsFromChemicals([{ name: '液氨', cas: '7664-41-8', maxQuantityT: 1 }]) },
      400,
      'units.0.holdings.0.cas has a wrong check digit',
    ],
    [
      'a credit code with a wrong check character',
      { creditCode: badCheckCode(1) },
      400,
      'creditCode has a wrong check character',
    ],
    [
      'a town the district does not have',
      { town: '330604999' },
      400,
      '330604999 is not a town of the district.',
    ],
    [
      'a field the enterprise does not have',
      { owner: 'x' } as Partial<EnterpriseInput>,
      400,
      'owner is not a known field',
    ],
    ['a negative head count', { peopleWithin500m: -1 }, 400, 'peopleWithin500m must be at least 0'],
  ])('refuses %s, storing nothing', async (_what, overrides, status, message) => {
    const before = await storedState(t.db);
    const res = await send('POST', '', enterpriseInput(overrides));
    expect(res.statusCode).toBe(status);
    expect(errorBody(res).message).toContain(message);
    expect(await storedState(t.db)).toEqual(before);
  });

  const unit = (holdings: unknown[], extra: Record<string, unknown> = {}) => ({
    kind: 'storageTankFarm',
    name: '一号罐区',
    holdings,
    ...extra,
  });
  const ammonia = { name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 20 };
  it.each([
    [
      'a CAS number that is no CAS number (wrong check digit)',
      [unit([{ ...ammonia, cas: '7664-41-8' }])],
      'units.0.holdings.0.cas has a wrong check digit',
    ],
    [
      'a malformed CAS number',
      [unit([{ ...ammonia, cas: 'NH3' }])],
      'units.0.holdings.0.cas must be a CAS number such as 7664-41-7',
    ],
    [
      'a hazard class GHS does not have',
      [
        unit([
          { name: '某物', classes: [{ class: 'radioactive', category: '1' }], maxQuantityT: 1 },
        ]),
      ],
      'units.0.holdings.0.classes.0.class must be one of',
    ],
    [
      'a category its hazard class does not have',
      [
        unit([
          { name: '某物', classes: [{ class: 'flammableLiquid', category: '9' }], maxQuantityT: 1 },
        ]),
      ],
      'units.0.holdings.0.classes.0.category is not a category of that hazard class',
    ],
    [
      'a holding neither named by CAS nor classified',
      [unit([{ name: '某物', classes: [], maxQuantityT: 1 }])],
      'units.0.holdings.0.classes needs a CAS number, a Table 1 row or its hazard classes',
    ],
    [
      'an acutely toxic holding without its physical state',
      [
        unit([
          {
            name: '某毒物',
            classes: [{ class: 'acuteToxicity', category: '2', route: 'inhalation' }],
            maxQuantityT: 1,
          },
        ]),
      ],
      'units.0.holdings.0.physicalState needs the physical state',
    ],
    [
      'a negative quantity',
      [unit([{ ...ammonia, maxQuantityT: -1 }])],
      'units.0.holdings.0.maxQuantityT must be at least 0',
    ],
    ['a unit without a name', [unit([ammonia], { name: ' ' })], 'units.0.name is required'],
    [
      'a unit of no known kind',
      [unit([ammonia], { kind: 'pipeline' })],
      'units.0.kind must be one of',
    ],
    [
      'a negative head count of a unit',
      [unit([ammonia], { peopleWithin500m: -3 })],
      'units.0.peopleWithin500m must be at least 0',
    ],
    [
      `more than ${MAX_UNITS} units`,
      Array.from({ length: MAX_UNITS + 1 }, (_, i) => unit([], { name: `单元${i}` })),
      `units must be at most ${MAX_UNITS}`,
    ],
  ])(
    'refuses units with %s, on create and on edit, storing nothing',
    async (_what, units, message) => {
      const target = t.district.enterprises[0] as Enterprise;
      const before = await storedState(t.db);
      const created = await send('POST', '', { ...enterpriseInput(), units });
      expect(created.statusCode, created.body).toBe(400);
      expect(errorBody(created).message).toContain(message);
      const version = before.records.find((r) => r.id === target.id)?.version;
      const edited = await send('PUT', `/${target.id}`, {
        baseVersion: version,
        enterprise: {
          ...enterpriseInput({ creditCode: target.creditCode, name: target.name }),
          units,
        },
      });
      expect(edited.statusCode, edited.body).toBe(400);
      expect(errorBody(edited).message).toContain(message);
      expect(await storedState(t.db)).toEqual(before);
    },
  );

  it(`takes ${MAX_UNITS} units, each by Table 1 or by hazard class, as sent`, async () => {
    const units = Array.from({ length: MAX_UNITS }, (_, i) =>
      i % 2 === 0
        ? unit([ammonia], { name: `单元${i}`, peopleWithin500m: i })
        : unit(
            [
              {
                name: '某毒物',
                classes: [{ class: 'acuteToxicity', category: '2', route: 'inhalation' }],
                physicalState: 'liquid',
                boilingPointC: 80,
                maxQuantityT: 0,
              },
            ],
            { name: `单元${i}`, kind: 'productionUnit', position: { lat: 30.05, lon: 120.81 } },
          ),
    );
    const res = await send('POST', '', { ...enterpriseInput(), units });
    expect(res.statusCode, res.body).toBe(201);
    const { enterprise } = res.json<{ enterprise: Enterprise }>();
    expect((await stored(enterprise.id))?.units).toEqual(units);
  });

  it('refuses a credit code another enterprise holds, on create and on edit, storing nothing', async () => {
    const other = t.district.enterprises[0] as Enterprise;
    const before = await storedState(t.db);
    const created = await send('POST', '', enterpriseInput({ creditCode: other.creditCode }));
    expect(created.statusCode).toBe(409);
    expect(errorBody(created)).toMatchObject({
      error: 'credit_code_taken',
      message: `${other.creditCode} is already the credit code of ${other.name}.`,
    });
    const mine = t.district.enterprises[1] as Enterprise;
    const version = (await storedState(t.db)).records.find((r) => r.id === mine.id)?.version;
    const edited = await send('PUT', `/${mine.id}`, {
      baseVersion: version,
      enterprise: { ...enterpriseInput(), creditCode: other.creditCode },
    });
    expect(edited.statusCode).toBe(409);
    expect(await storedState(t.db)).toEqual(before);
  });

  it('refuses everyone but an administrator, storing nothing', async () => {
    const target = t.district.enterprises[0] as Enterprise;
    const before = await storedState(t.db);
    for (const res of [
      await send('POST', '', enterpriseInput(), inspector),
      await send(
        'PUT',
        `/${target.id}`,
        { baseVersion: 1, enterprise: enterpriseInput() },
        inspector,
      ),
      await send(
        'POST',
        `/${target.id}/close`,
        { baseVersion: 1, kind: 'shutdown', date: '2026-11-01' },
        inspector,
      ),
      await send('POST', `/${target.id}/reopen`, { baseVersion: 1 }, inspector),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(errorBody(res).error).toBe('admin_only');
    }
    expect(await storedState(t.db)).toEqual(before);
  });

  it('edits any field from the version seen, with history and audit; a stale edit stores nothing', async () => {
    const target = t.district.enterprises[0] as Enterprise;
    const current = (await stored(target.id)) as Enterprise;
    const version = current.version;
    const fields = enterpriseInputSchema.parse(
      Object.fromEntries(enterpriseInputFields.map((k) => [k, current[k as keyof Enterprise]])),
    );
    const edit = { ...fields, peopleWithin500m: fields.peopleWithin500m + 5, industry: '涂料' };
    const res = await send('PUT', `/${target.id}`, { baseVersion: version, enterprise: edit });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<{ enterprise: Enterprise }>().enterprise;
    expect(after).toMatchObject({
      industry: '涂料',
      peopleWithin500m: fields.peopleWithin500m + 5,
    });
    const [entry] = await listAdminActions(t.db, { targetKind: 'enterprise', targetId: target.id });
    expect(entry).toEqual(
      expect.objectContaining({
        action: 'enterprise.update',
        before: { industry: fields.industry, peopleWithin500m: fields.peopleWithin500m },
        after: { industry: '涂料', peopleWithin500m: fields.peopleWithin500m + 5 },
      }),
    );
    // Sent again from the version it started from: someone (this edit) changed it since.
    const before = await storedState(t.db);
    const stale = await send('PUT', `/${target.id}`, { baseVersion: version, enterprise: fields });
    expect(stale.statusCode).toBe(409);
    expect(errorBody(stale).error).toBe('changed_since');
    expect(await storedState(t.db)).toEqual(before);
    // The same content from the current version changes nothing and records nothing.
    const same = await send('PUT', `/${target.id}`, {
      baseVersion: after.version,
      enterprise: edit,
    });
    expect(same.statusCode).toBe(200);
    expect(await storedState(t.db)).toEqual(before);
  });

  it('closes (shut down, merged) and reopens, keeping the record and its history', async () => {
    const [a, b, c] = t.district.enterprises as [Enterprise, Enterprise, Enterprise];
    const versionOf = async (id: string) => ((await stored(id)) as Enterprise).version;
    const shut = await send('POST', `/${a.id}/close`, {
      baseVersion: await versionOf(a.id),
      kind: 'shutdown',
      date: '2026-11-01',
    });
    expect(shut.statusCode, shut.body).toBe(200);
    expect((await stored(a.id))?.closure).toEqual({ kind: 'shutdown', date: '2026-11-01' });
    const merged = await send('POST', `/${b.id}/close`, {
      baseVersion: await versionOf(b.id),
      kind: 'merged',
      date: '2026-11-02',
      mergedIntoId: c.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await stored(b.id))?.closure).toEqual({
      kind: 'merged',
      date: '2026-11-02',
      mergedIntoId: c.id,
    });
    const actions = (await listAdminActions(t.db, { targetKind: 'enterprise' })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['enterprise.close', 'enterprise.close']);
    const reopened = await send('POST', `/${a.id}/reopen`, { baseVersion: await versionOf(a.id) });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await stored(a.id))?.closure).toBeNull();
    const [history] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM history WHERE entity = 'enterprise' AND id = $1::uuid",
      [a.id],
    );
    expect(history?.n).toBe(2);
  });

  it('refuses a closure that cannot be, storing nothing', async () => {
    const [a, b, c] = t.district.enterprises as [Enterprise, Enterprise, Enterprise];
    const versionOf = async (id: string) => ((await stored(id)) as Enterprise).version;
    const close = async (id: string, body: Record<string, unknown>) =>
      send('POST', `/${id}/close`, { baseVersion: await versionOf(id), ...body });
    expect((await close(c.id, { kind: 'shutdown', date: '2026-10-01' })).statusCode).toBe(200);
    const before = await storedState(t.db);
    const cases: [Record<string, unknown>, string, number, string][] = [
      [{ kind: 'merged', date: '2026-11-01' }, a.id, 400, 'invalid_body'],
      [{ kind: 'shutdown', date: '2026-11-01', mergedIntoId: b.id }, a.id, 400, 'invalid_body'],
      [{ kind: 'merged', date: '2026-11-01', mergedIntoId: a.id }, a.id, 400, 'merger_into_itself'],
      [
        {
          kind: 'merged',
          date: '2026-11-01',
          mergedIntoId: '0190f5a6-0000-7000-8000-0000000000ff',
        },
        a.id,
        400,
        'unknown_merger_target',
      ],
      [
        { kind: 'merged', date: '2026-11-01', mergedIntoId: c.id },
        a.id,
        409,
        'merger_target_closed',
      ],
      [{ kind: 'shutdown', date: '2026-11-01' }, c.id, 409, 'already_closed'],
      [{ kind: 'shutdown', date: '2026-13-01' }, a.id, 400, 'invalid_body'],
    ];
    for (const [body, id, status, code] of cases) {
      const res = await close(id, body);
      expect([res.statusCode, errorBody(res).error], JSON.stringify(body)).toEqual([status, code]);
    }
    const notClosed = await send('POST', `/${a.id}/reopen`, { baseVersion: await versionOf(a.id) });
    expect([notClosed.statusCode, errorBody(notClosed).error]).toEqual([409, 'not_closed']);
    const stale = await send('POST', `/${a.id}/close`, {
      baseVersion: 0,
      kind: 'shutdown',
      date: '2026-11-01',
    });
    expect([stale.statusCode, errorBody(stale).error]).toEqual([409, 'changed_since']);
    expect(await storedState(t.db)).toEqual(before);
  });
});
