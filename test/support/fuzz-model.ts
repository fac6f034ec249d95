// The endpoint fuzzer's model of what a request may change. Before and after each request it reads
// the stored state (records, sessions, blobs, devices and their answers, conflicts, history) and
// compares the difference with what the answer allows: nothing after an error answer, and after
// a success only what that request does (a push: the records of the mutations answered applied or
// conflict, and nothing of the refused ones). Login attempts are not part of it: counting failed
// sign-ins is what the rate limit does.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import {
  blobBatchResponseSchema,
  blobsMissingResponseSchema,
  conflictListResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  resolveConflictResponseSchema,
} from '../../domain/sync/protocol';
import type { Queryable } from '../../server/src/db/database';
import { expectNoLeak } from './demo-app';
import type { Sent } from './fuzz-requests';

export interface Snapshot {
  /** entity/id → version:md5(data):town */
  records: Record<string, string>;
  /** token hash → device:revoked */
  sessions: Record<string, string>;
  blobs: string[];
  devices: Record<string, number>;
  /** device → how many answers it has kept */
  results: Record<string, number>;
  /** id → entity/record:resolution */
  conflicts: Record<string, string>;
  historySeq: number;
}

export async function snapshot(db: Queryable): Promise<Snapshot> {
  const [row] = await db.query<{ snapshot: string }>(
    `SELECT json_build_object(
       'records', coalesce((SELECT json_object_agg(entity || '/' || id,
           version || ':' || md5(data::text) || ':' || coalesce(town, '')) FROM records), '{}'),
       'sessions', coalesce((SELECT json_object_agg(token_hash,
           device_id || ':' || (revoked_at IS NOT NULL)) FROM sessions), '{}'),
       'blobs', coalesce((SELECT json_agg(sha256 ORDER BY sha256) FROM blobs), '[]'),
       'devices', coalesce((SELECT json_object_agg(device_id, last_mid) FROM devices), '{}'),
       'results', coalesce((SELECT json_object_agg(device_id, n) FROM
           (SELECT device_id, count(*) AS n FROM mutation_results GROUP BY device_id) AS r), '{}'),
       'conflicts', coalesce((SELECT json_object_agg(id, entity || '/' || record_id || ':' ||
           coalesce(resolution, 'open')) FROM conflicts), '{}'),
       'historySeq', (SELECT coalesce(max(seq), 0) FROM history))::text AS snapshot`,
  );
  return JSON.parse(row!.snapshot) as Snapshot;
}

/** The keys whose values differ between two maps (added and removed ones included). */
function changedKeys<V>(a: Record<string, V>, b: Record<string, V>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

interface Diff {
  records: string[];
  sessions: string[];
  blobsAdded: string[];
  blobsRemoved: string[];
  devices: string[];
  results: string[];
  conflicts: string[];
  /** entity/id of each new history row */
  history: string[];
}

async function diff(db: Queryable, before: Snapshot, after: Snapshot): Promise<Diff> {
  const history = (
    await db.query<{ key: string }>(
      `SELECT entity || '/' || id AS key FROM history WHERE seq > $1 ORDER BY seq`,
      [before.historySeq],
    )
  ).map((r) => r.key);
  return {
    records: changedKeys(before.records, after.records),
    sessions: changedKeys(before.sessions, after.sessions),
    blobsAdded: after.blobs.filter((b) => !before.blobs.includes(b)),
    blobsRemoved: before.blobs.filter((b) => !after.blobs.includes(b)),
    devices: changedKeys(before.devices, after.devices),
    results: changedKeys(before.results, after.results),
    conflicts: changedKeys(before.conflicts, after.conflicts),
    history,
  };
}

const nothing: Diff = {
  records: [],
  sessions: [],
  blobsAdded: [],
  blobsRemoved: [],
  devices: [],
  results: [],
  conflicts: [],
  history: [],
};

const subsetOf = (items: readonly string[], allowed: ReadonlySet<string>) =>
  items.filter((i) => !allowed.has(i));

/** What the app parses each success with: an answer it cannot read fails its whole sync. */
const answers: Partial<Record<Sent['recipe']['endpoint'], z.ZodType>> = {
  health: healthResponseSchema,
  login: loginResponseSchema,
  me: meResponseSchema,
  pull: pullResponseSchema,
  push: pushResponseSchema,
  missing: blobsMissingResponseSchema,
  blobBatch: blobBatchResponseSchema,
  conflicts: conflictListResponseSchema,
  resolve: resolveConflictResponseSchema,
};

/** Checks the answer and what the request changed (and follows the device numbering it tells). */
export async function checkRequest(
  db: Queryable,
  sent: Sent,
  res: LightMyRequestResponse,
  before: Snapshot,
): Promise<void> {
  const label = `${sent.recipe.endpoint} answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  expect(res.statusCode, label).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expectNoLeak(res.body);
    if (sent.recipe.endpoint !== 'raw' || sent.recipe.method !== 'HEAD') {
      expect(errorResponseSchema.safeParse(res.json()).success, label).toBe(true);
    }
  }
  const schema = answers[sent.recipe.endpoint];
  if (res.statusCode === 200 && schema) {
    const parsed = schema.safeParse(res.json());
    expect(parsed.error?.issues ?? [], label).toEqual([]);
  }
  const after = await snapshot(db);
  const changes = await diff(db, before, after);
  const ok = res.statusCode < 300;
  const endpoint = sent.recipe.endpoint;
  const gap =
    res.statusCode === 409 && endpoint === 'push' ? res.json<{ lastMid?: number }>() : null;
  // Refused for a gap, the device numbers again after the server's last mid.
  if (gap?.lastMid !== undefined && sent.actor) sent.actor.lastMid = gap.lastMid;
  if (!ok || !['push', 'login', 'logout', 'putBlob', 'blobBatch', 'resolve'].includes(endpoint)) {
    expect(changes, label).toEqual(nothing);
    return;
  }
  const expected = { ...nothing };
  if (endpoint === 'push') {
    await expectPush(db, sent, res, changes, after, label);
    return;
  }
  if (endpoint === 'login') {
    const added = changes.sessions.filter((s) => before.sessions[s] === undefined);
    expect(added, label).toHaveLength(1);
    const device = after.sessions[added[0]!]!.split(':')[0];
    // Signing in on a known device ends that device's other sessions, and no other.
    for (const s of changes.sessions)
      expect(after.sessions[s], label).toBe(`${device}:${s !== added[0]}`);
    expect(
      changes.devices.every((d) => before.devices[d] === undefined && after.devices[d] === 0),
      label,
    ).toBe(true);
    expect({ ...changes, sessions: [], devices: [] }, label).toEqual(expected);
    return;
  }
  if (endpoint === 'logout') expected.sessions = sent.sessionHash ? [sent.sessionHash] : [];
  if (endpoint === 'putBlob') expected.blobsAdded = res.statusCode === 201 ? [sent.target!] : [];
  if (endpoint === 'blobBatch') {
    expected.blobsAdded = res
      .json<{ results: { sha256: string; status: string }[] }>()
      .results.filter((r) => r.status === 'created')
      .map((r) => r.sha256)
      .sort();
    changes.blobsAdded.sort();
  }
  if (endpoint === 'resolve') {
    // Resolved now, or answered as before when the same choice is sent again.
    const id = sent.target!;
    expect(subsetOf(changes.conflicts, new Set([id])), label).toEqual([]);
    if (changes.conflicts.length > 0) expect(after.conflicts[id], label).not.toMatch(/:open$/);
    const record = before.conflicts[id]!.split(':')[0]!;
    // Keeping the losing value writes it back, with its history.
    expect(subsetOf(changes.records, new Set([record])), label).toEqual([]);
    expect(subsetOf(changes.history, new Set([record])), label).toEqual([]);
    expect({ ...changes, records: [], history: [], conflicts: [] }, label).toEqual(expected);
    return;
  }
  expect(changes, label).toEqual(expected);
}

async function expectPush(
  db: Queryable,
  sent: Sent,
  res: LightMyRequestResponse,
  changes: Diff,
  after: Snapshot,
  label: string,
): Promise<void> {
  const answer = pushResponseSchema.parse(res.json());
  const mutations = (sent.body as { mutations: { mid: number; entity: string; id: string }[] })
    .mutations;
  expect(
    answer.results.map((r) => r.mid),
    label,
  ).toEqual(mutations.map((m) => m.mid));
  // The database refusing a mutation means a schema let through what it cannot store.
  for (const r of answer.results) expect(r.reason?.code, label).not.toBe('storeFailed');
  const keyOf = (i: number) => `${mutations[i]!.entity}/${mutations[i]!.id.toLowerCase()}`;
  const written = new Set<string>();
  const conflicted = new Set<string>();
  answer.results.forEach((r, i) => {
    if (r.status === 'applied' || r.status === 'conflict') written.add(keyOf(i));
    if (r.status === 'conflict') conflicted.add(keyOf(i));
  });
  // A moved enterprise takes its inspections and findings to its new town.
  const movedEnterprises = [...written].filter((k) => k.startsWith('enterprise/'));
  if (movedEnterprises.length > 0) {
    const children = await db.query<{ key: string }>(
      `SELECT entity || '/' || id AS key FROM records WHERE entity IN ('inspection', 'finding')
       AND data->>'enterpriseId' IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(movedEnterprises.map((k) => k.split('/')[1]))],
    );
    for (const c of children) written.add(c.key);
  }
  // Only the records of mutations answered applied or conflict changed: a refused one, nothing.
  expect(subsetOf(changes.records, written), label).toEqual([]);
  expect(subsetOf(changes.history, written), label).toEqual([]);
  answer.results.forEach((r, i) => {
    if ((r.status === 'applied' || r.status === 'conflict') && r.version !== undefined) {
      const stored = after.records[keyOf(i)];
      expect(stored, label).toBeDefined();
      expect(Number(stored!.split(':')[0]), label).toBeGreaterThanOrEqual(r.version);
    }
  });
  // Each conflict answered is logged, and nothing else is.
  const logged = new Set(changes.conflicts.map((id) => after.conflicts[id]?.split(':')[0]));
  expect([...logged].sort(), label).toEqual([...conflicted].sort());
  const device = sent.actor!.deviceId;
  expect(subsetOf(changes.devices, new Set([device])), label).toEqual([]);
  expect(subsetOf(changes.results, new Set([device])), label).toEqual([]);
  expect(after.devices[device], label).toBe(answer.lastMid);
  expect(
    {
      sessions: changes.sessions,
      blobsAdded: changes.blobsAdded,
      blobsRemoved: changes.blobsRemoved,
    },
    label,
  ).toEqual({
    sessions: [],
    blobsAdded: [],
    blobsRemoved: [],
  });
  sent.actor!.lastMid = answer.lastMid;
}
