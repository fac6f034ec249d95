// Plain regression tests for what the endpoint fuzzer (fuzz-endpoints.test.ts) found: each
// request here once got a 5xx or an answer naming the server's internals.
import { describe, expect, it } from 'vitest';
import { MAX_REFUSAL_PARAM } from '../../domain/sync/refusals';
import { pushResponseSchema } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { bearer, errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newInspectionOf,
  numbered,
  rawPush,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

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
});
