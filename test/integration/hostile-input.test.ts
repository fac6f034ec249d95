// Plain regression tests for what the endpoint fuzzer (fuzz-endpoints.test.ts) found: each
// request here once got a 5xx or an answer naming the server's internals.
import { describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { bearer, errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { withSignedInApp } from '../support/push-fixtures';
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
});
