// Text the database cannot hold (U+0000, a lone UTF-16 surrogate) inside one record of a batch,
// or in a sign-in's device name: refused by the schemas, naming the field, and nothing of it is
// stored; the batch's other mutations are applied.
import { describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { DEMO_PASSWORD_FOR_TESTS, TEST_NOW, errorBody, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspectionOf,
  push,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';
import { decodeIssues } from '../../domain/sync/refusal-issues';

const UNSTORABLE = [
  ['a NUL character', 'before\u0000after'],
  ['a lone high surrogate', 'half an emoji: \ud83d.'],
  ['a lone low surrogate', '\ude00 trailing half'],
] as const;

describe.each(databaseKinds)('text the database cannot hold, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', undefined, (app, device) => {
    t = app;
    li = device;
  });

  const storedIds = async (ids: string[]) =>
    (
      await t.db.query<{ id: string }>(
        `SELECT id::text AS id FROM records WHERE id IN
           (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ids)],
      )
    ).map((r) => r.id);

  it.each(UNSTORABLE)(
    "refuses %s in a hazard's description alone, naming the field, and applies the rest",
    async (_what, description) => {
      const inspection = newInspectionOf(t.district, li);
      const bad = newFinding(inspection, { description });
      const good = newFinding(inspection, { description: 'An emoji stays whole: 🧯 ok' });
      const res = await push(t.app, li, [
        upsert('inspection', inspection),
        upsert('finding', bad),
        upsert('finding', good),
      ]);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      const refused = res.results[1];
      expect(refused?.reason?.code).toBe('invalid');
      expect(refused?.reason?.params?.issues).toBe(
        'data.description contains a character that cannot be stored (U+0000, or half of a UTF-16 surrogate pair)',
      );
      expect(refused?.error).toMatch(/^invalid finding: data\.description contains/);
      // The same issue as keys, for the app to say in the user's language.
      expect(decodeIssues(refused?.reason?.params?.issueList)).toEqual([
        { path: 'description', key: 'text.unstorable' },
      ]);
      expect((await storedIds([inspection.id, bad.id, good.id])).sort()).toEqual(
        [inspection.id, good.id].sort(),
      );
      const [history] = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM history WHERE id = $1::uuid',
        [bad.id],
      );
      expect(history?.n).toBe(0);
      // The refusal is kept for repeating, as it was answered.
      const [kept] = await t.db.query<{ result: unknown }>(
        'SELECT result FROM mutation_results WHERE device_id = $1::uuid AND mid = $2',
        [li.deviceId, res.mutations[1]?.mid],
      );
      expect(kept?.result).toEqual(refused);
    },
  );

  it('refuses unstorable text deep in a record: a checklist item’s note', async () => {
    const inspection = newInspectionOf(t.district, li);
    const note = { ...inspection.itemResults[0]!, note: 'ok\u0000' };
    const withNote = { ...inspection, itemResults: [note, ...inspection.itemResults.slice(1)] };
    const res = await push(t.app, li, [upsert('inspection', withNote)]);
    expect(res.results[0]?.status).toBe('rejected');
    expect(res.results[0]?.reason?.params?.issues).toMatch(
      /^data\.itemResults\.0\.note contains a character that cannot be stored/,
    );
    expect(await storedIds([inspection.id])).toEqual([]);
  });

  it('stores none of the keys a schema does not know, nor their values, wherever they are', async () => {
    const inspection = newInspectionOf(t.district, li);
    const finding = {
      ...newFinding(inspection),
      'evil\u0000key': 'value\u0000',
      extra: { nested: '\ud800' },
      verification: null,
    };
    const withExtras = {
      ...inspection,
      review: { ...inspection.review, ['\udc00']: 'x' },
      location: { lat: 30, lon: 120, accuracyM: 5, smuggled: 'a\u0000b' },
    };
    const res = await push(t.app, li, [
      upsert('inspection', withExtras),
      upsert('finding', finding),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const stored = await t.db.query<{ text: string }>(
      `SELECT data::text AS text FROM records WHERE id IN ($1::uuid, $2::uuid)
       UNION ALL SELECT after::text FROM history WHERE id IN ($1::uuid, $2::uuid)`,
      [inspection.id, finding.id],
    );
    expect(stored).toHaveLength(4);
    for (const { text } of stored) expect(text).not.toMatch(/evil|extra|nested|smuggled|\\ud/);
  });

  it('stores its own deletion time in place of one the database cannot hold (year 0000)', async () => {
    // Whether a record is deleted is the device's to say, when is the server's: the year 0000 a
    // device sends never reaches the timestamptz column that would refuse it.
    const inspection = newInspectionOf(t.district, li);
    const res = await push(t.app, li, [
      upsert('inspection', { ...inspection, deletedAt: '0000-01-01T00:00:00Z' }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
    const [row] = await t.db.query<{ deleted: string }>(
      `SELECT data->>'deletedAt' AS deleted FROM records WHERE id = $1::uuid`,
      [inspection.id],
    );
    expect(row!.deleted).toBe(TEST_NOW.toISOString());
  });

  describe('in the sign-in', () => {
    const sessionCount = async () =>
      (
        await t.db.query<{ sessions: number; devices: number }>(
          `SELECT (SELECT count(*)::int FROM sessions) AS sessions,
             (SELECT count(*)::int FROM devices) AS devices`,
        )
      )[0];

    it.each(UNSTORABLE)(
      'answers %s in the device name with a 400 naming it, and stores no session',
      async (_what, deviceName) => {
        const before = await sessionCount();
        const res = await postJson(t.app, '/api/v1/auth/login', {
          username: 'inspector.wang',
          password: DEMO_PASSWORD_FOR_TESTS,
          deviceName,
        });
        expect(res.statusCode).toBe(400);
        expect(errorBody(res)).toEqual({
          error: 'invalid_body',
          message:
            'Invalid request body: deviceName contains a character that cannot be stored (U+0000, or half of a UTF-16 surrogate pair).',
          issues: [
            {
              path: 'deviceName',
              message:
                'contains a character that cannot be stored (U+0000, or half of a UTF-16 surrogate pair)',
            },
          ],
        });
        expect(await sessionCount()).toEqual(before);
      },
    );
  });
});
