// Plain regression tests for what the endpoint fuzzer (fuzz-endpoints.test.ts) found: each
// request here once got a 5xx or an answer naming the server's internals.
import { describe, expect, it } from 'vitest';
import { MAX_REFUSAL_PARAM } from '../../domain/sync/refusals';
import { pushResponseSchema } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, bearer, errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { v7 as uuidv7 } from 'uuid';
import {
  newInspectionOf,
  numbered,
  push,
  rawPush,
  signIn,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';
import { mustBeStored } from '../support/stored-state';

describe.each(databaseKinds)('hostile requests the fuzzer found, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', undefined, (app, device) => {
    t = app;
    li = device;
  });

  it.each(['image/jpeg', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers a list of photos sent as %s with a 415, not with the request stream read as JSON',
    async (type) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/blobs/missing',
        headers: { ...bearer(li.token), 'content-type': type },
        payload: JSON.stringify({ hashes: [] }),
      });
      expect(res.statusCode).toBe(415);
      expect(errorBody(res)).toEqual({
        error: 'unsupported_media_type',
        message: 'Send the request body as application/json.',
      });
    },
  );

  it('cuts the list of a record’s wrong fields to the protocol’s length, so the device can read the answer', async () => {
    const inspection = newInspectionOf(t.district, li);
    const wrong = Array.from({ length: 300 }, (_, i) => ({
      itemId: `item-${i}`,
      result: 'maybe',
      note: '',
    }));
    const mutations = numbered(li, [upsert('inspection', { ...inspection, itemResults: wrong })]);
    const res = await rawPush(t.app, li, mutations);
    expect(res.statusCode).toBe(200);
    // Parsed as the device parses it: a longer parameter made the whole answer unreadable.
    const [result] = pushResponseSchema.parse(res.json()).results;
    expect(result?.reason?.code).toBe('invalid');
    const issues = result?.reason?.params?.issues ?? '';
    expect(issues).toHaveLength(MAX_REFUSAL_PARAM);
    expect(issues).toMatch(/^data\.itemResults\.0\.result must be one of pass, fail, na; /);
    expect(issues.endsWith('…')).toBe(true);
    const [kept] = await t.db.query<{ result: unknown }>(
      'SELECT result FROM mutation_results WHERE device_id = $1::uuid AND mid = $2',
      [li.deviceId, mutations[0]?.mid],
    );
    expect(kept?.result).toEqual(result);
    const [stored] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE id = $1::uuid',
      [inspection.id],
    );
    expect(stored?.n).toBe(0);
  });

  it('refuses a user whose agency is unknown or deleted, so that the user’s own reads keep working', async () => {
    const admin = await signIn(t.app, t.district, 'admin');
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const stored = () =>
      mustBeStored<{ id: string } & Record<string, unknown>>(t.db, 'user', wang.userId);
    const before = await stored();
    const agency = t.district.agencies[0]!;
    const gone = {
      ...agency,
      id: uuidv7(),
      name: '已撤销的机构',
      deletedAt: TEST_NOW.toISOString(),
    };
    const res = await push(t.app, admin, [
      upsert('user', { ...before.data, agencyId: uuidv7() }, before.version),
      upsert('agency', { ...gone, version: 0 }),
      upsert('user', { ...before.data, agencyId: gone.id }, before.version),
    ]);
    expect(res.results.map((r) => r.reason?.code ?? r.status)).toEqual([
      'unknownAgency',
      'applied',
      'unknownAgency',
    ]);
    expect(await stored()).toEqual(before);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(wang.token),
    });
    expect(me.statusCode).toBe(200);
    // An agency made in the same batch, before the user, is one the user may belong to.
    const made = { ...agency, id: uuidv7(), name: '新设机构', version: 0 };
    const moved = await push(t.app, admin, [
      upsert('agency', made),
      upsert('user', { ...before.data, agencyId: made.id }, before.version),
    ]);
    expect(moved.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(wang.token),
    });
    expect(after.json<{ agency: { id: string } }>().agency.id).toBe(made.id);
  });
});
