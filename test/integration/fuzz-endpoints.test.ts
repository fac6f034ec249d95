// Property-based fuzzing of every HTTP endpoint of the server (health, sign-in and sign-out, me,
// push, pull, blobs missing/put/get/batch, conflicts list and resolve, and unknown routes and
// methods), on both databases, as an inspector, a supervisor, an administrator and strangers
// (no token, a forged one, a signed-out one). Requests carry hostile strings (NUL, lone
// surrogates, long, right-to-left and zero-width text, SQL and JSON metacharacters, emoji),
// numbers, shapes (wrong types, missing and extra keys, deep nesting, large arrays), headers (bad
// content types, authorization variants, content-length lies) and push batches built by
// perturbing the demo district's records. After every request: no 5xx, no error body that leaks
// internals, and no stored change the answer does not allow (test/support/fuzz-model.ts).
//
// Seeded: FUZZ_SEED picks another seed, FUZZ_RUNS another number of requests per database. A
// failure prints its seed and the recipe of the request (stateful, so it is reported unshrunk).
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { PushResponse } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Snapshot } from '../support/fuzz-model';
import { checkRequest, snapshot } from '../support/fuzz-model';
import { requestRecipe } from '../support/fuzz-recipes';
import { send } from '../support/fuzz-requests';
import type { FuzzWorld } from '../support/fuzz-world';
import { openWorld, refreshWorld } from '../support/fuzz-world';
import { assertStateful, fuzzSettings } from '../support/fuzz-run';
import { databaseKinds } from '../support/test-databases';

/**
 * 1000 requests: about 35 s on PGlite and 20 s on PostgreSQL on a two-core machine. FUZZ_STATS=1
 * prints how often each endpoint gave each answer (a push: its refusals too).
 */
const FUZZ = fuzzSettings(15_008, 1000);

const unstorable = (error: string | undefined) =>
  error?.includes('cannot be stored') ? ' (text it cannot store)' : '';

function tally(stats: Map<string, number>, endpoint: string, res: LightMyRequestResponse) {
  const count = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);
  count(`${endpoint} ${res.statusCode}`);
  if (endpoint !== 'push' || res.statusCode !== 200) return;
  for (const r of res.json<PushResponse>().results)
    count(`push mutation ${r.status} ${r.reason?.code ?? ''}${unstorable(r.error)}`);
}

describe.each(databaseKinds)('every endpoint, fuzzed, on %s', (kind) => {
  let t: DemoApp;
  let world: FuzzWorld;
  beforeAll(async () => {
    t = await demoApp(kind);
    world = await openWorld(t);
  });
  afterAll(() => t.close());

  it('never answers 5xx, never leaks internals, and changes only what each answer allows', async () => {
    let request = 0;
    const stats = new Map<string, number>();
    const property = fc.asyncProperty(requestRecipe, async (recipe) => {
      request++;
      let before: Snapshot | undefined;
      const { res, sent } = await send(world, recipe, request, async () => {
        before = await snapshot(t.db);
      });
      await checkRequest(t.db, sent, res, before!);
      if (FUZZ.stats) tally(stats, recipe.endpoint, res);
      if (res.statusCode < 300) await refreshWorld(world);
    });
    await assertStateful(property, kind, FUZZ, () => request, stats);
  }, 180_000);
});
