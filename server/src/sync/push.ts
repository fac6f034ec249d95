// Owns applying a push batch: per-device mutation numbering (duplicates answered as before, gaps
// refused), validation, write rules, field-level merge with a conflicts log, tombstones, history,
// all in one transaction so a batch is applied entirely or not at all, except that a mutation the
// database refuses to store is refused alone (store-isolation.ts). Each mutation is checked and
// planned by apply-mutation.ts, from what push-preload.ts reads; answers are kept by
// push-results.ts; this module orders them and records the outcome.
import type { Finding } from '../../../domain/schemas/finding';
import type {
  Mutation,
  MutationResult,
  PushRequest,
  PushResponse,
} from '../../../domain/sync/protocol';
import { SCHEMA_VERSION } from '../../../domain/sync/protocol';
import type { Caller } from '../auth/authenticate';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { registerDocuments } from '../register/assign-numbers';
import { registerExtensionDecisions } from '../register/extension-documents';
import type { ConflictEntry } from './conflicts';
import { logConflicts } from './conflicts';
import { deviceUsers, lockDevice, setLastMid } from './devices';
import type { HistoryEntry } from './history';
import { appendHistory } from './history';
import type { RecordWrite } from './record-store';
import { writeRecords } from './record-store';
import type { ReferenceCache, VersionState } from './reference-cache';
import { referenceCacheOf } from './reference-cache';
import type { StoreFailureListener } from './store-isolation';
import { BatchStoreFailed, rejectedResult, storeFresh } from './store-isolation';
import { recordKey } from './stored-records';
import { photoCheckOf } from './photo-references';
import { ruleFacts } from './rule-facts';
import { applyOne } from './apply-mutation';
import type { Applied, Outcome } from './apply-mutation';
import { laterHistory, preload } from './push-preload';
import type { Preloaded } from './push-preload';
import { earlierResults, pruneResults, saveResults } from './push-results';

/** Field versions of changes made earlier in the same batch: newer than any real version. */
const IN_BATCH = Number.MAX_SAFE_INTEGER;

export async function pushBatch(
  db: Database,
  caller: Caller,
  request: PushRequest,
  now: Date,
  /** Runs inside the transaction after the batch is written, before it commits (fault tests). */
  beforeCommit?: () => Promise<void>,
  /** Told of each mutation the database refused to store (the route logs them). */
  onStoreFailed: StoreFailureListener = () => undefined,
): Promise<PushResponse> {
  if (request.deviceId !== caller.session.deviceId) {
    throw new ApiError(
      403,
      'wrong_device',
      'deviceId is not the device this session signed in as; sign in again on this device.',
    );
  }
  if (request.schemaVersion !== SCHEMA_VERSION) {
    throw new ApiError(
      409,
      'schema_version_mismatch',
      `This server speaks schema version ${SCHEMA_VERSION}, the push uses ${request.schemaVersion}: update the app.`,
    );
  }
  request.mutations.forEach((m, i) => {
    const previous = request.mutations[i - 1];
    if (previous && m.mid !== previous.mid + 1) {
      throw new ApiError(400, 'invalid_batch', `mutations.${i}.mid must be ${previous.mid + 1}.`, [
        { path: `mutations.${i}.mid`, message: `must be ${previous.mid + 1}` },
      ]);
    }
  });
  try {
    return await pushInTransaction(db, caller, request, now, beforeCommit, null);
  } catch (error) {
    if (!(error instanceof BatchStoreFailed)) throw error;
    // The database refused the batch's writes: applied again one by one, only the mutations it
    // refuses are refused (store-isolation.ts).
    return pushInTransaction(db, caller, request, now, beforeCommit, onStoreFailed);
  }
}

/** The batch in one transaction; `isolating` applies its mutations one by one (see storeFresh). */
async function pushInTransaction(
  db: Database,
  caller: Caller,
  request: PushRequest,
  now: Date,
  beforeCommit: (() => Promise<void>) | undefined,
  isolating: StoreFailureListener | null,
): Promise<PushResponse> {
  const references = referenceCacheOf(db);
  /** The version counter when this batch took its lock, and after its writes. */
  let versions: { from: VersionState; to: number } | undefined;
  const response = await db.transaction(async (tx) => {
    const deviceId = request.deviceId;
    const lastMid = await lockDevice(tx, deviceId, caller.user.id, now);
    const fresh = request.mutations.filter((m) => m.mid > lastMid);
    const firstFresh = fresh[0];
    if (firstFresh && firstFresh.mid !== lastMid + 1) {
      throw new ApiError(
        409,
        'mid_gap',
        `The server has mutations up to ${lastMid} from this device; the next must be ${lastMid + 1}, not ${firstFresh.mid}.`,
        undefined,
        {},
        // The device renumbers its unanswered mutations after this one and sends them again.
        { lastMid },
      );
    }
    const earlier = await earlierResults(
      tx,
      deviceId,
      request.mutations.filter((m) => m.mid <= lastMid).map((m) => m.mid),
    );
    const results = new Map<number, MutationResult>(
      [...earlier].map(([mid, r]) => [
        mid,
        { ...r, mid, status: 'duplicate' as const } satisfies MutationResult,
      ]),
    );
    if (firstFresh) {
      // Every writer takes the global version lock: from here on, reads are current.
      const [state] = await tx.query<VersionState>(
        'SELECT epoch, version FROM sync_state FOR UPDATE',
      );
      if (!state) throw new Error('sync_state is missing: the database is not migrated');
      await references.catchUp(tx, state);
      const fromHere = await storeFresh(tx, fresh, isolating, {
        apply: (mutations, lookups) =>
          applyFresh(tx, caller, deviceId, mutations, now, lookups ?? references),
        save: (stored) => saveResults(tx, deviceId, stored),
      });
      // Whatever the batch wrote is no longer what was remembered (rejected ones too: harmless).
      references.forget(fresh);
      for (const r of fromHere) results.set(r.mid, r);
      const newLast = fresh.at(-1)?.mid ?? lastMid;
      await setLastMid(tx, deviceId, newLast, now);
      await pruneResults(tx, deviceId, lastMid, newLast);
      const [after] = await tx.query<{ version: number }>('SELECT version FROM sync_state');
      versions = { from: state, to: after?.version ?? state.version };
      await beforeCommit?.();
    }
    return {
      results: request.mutations.map(
        (m) => results.get(m.mid) ?? { mid: m.mid, status: 'duplicate' as const },
      ),
      lastMid: Math.max(lastMid, fresh.at(-1)?.mid ?? 0),
    };
  });
  if (versions) references.committed(versions.from, versions.to);
  return response;
}

async function applyFresh(
  tx: Queryable,
  caller: Caller,
  deviceId: string,
  mutations: Mutation[],
  now: Date,
  referenceCache: Pick<ReferenceCache, 'load'>,
): Promise<MutationResult[]> {
  const loaded = await preload(tx, mutations, referenceCache);
  const photos = await photoCheckOf(tx, caller.user, mutations, loaded.cache);
  const { cache, references } = loaded;
  const history = await laterHistory(tx, mutations, cache);
  const lookup = (entity: 'enterprise' | 'inspection', id: unknown) => {
    if (typeof id !== 'string') return undefined;
    const key = recordKey(entity, id);
    return cache.get(key)?.data ?? references.get(key);
  };
  const facts = ruleFacts(tx, cache);
  const outcomes: Outcome[] = [];
  for (const m of mutations) {
    const outcome = await applyOne(
      tx,
      caller,
      deviceId,
      m,
      cache,
      lookup,
      now,
      history,
      photos,
      facts,
    );
    outcomes.push(outcome);
    if ('rejected' in outcome || outcome.changed.size === 0) continue;
    // Later mutations of the batch see this one's result as the server's state.
    const fieldVersions = { ...outcome.before?.fieldVersions };
    const fieldDevices = { ...outcome.before?.fieldDevices };
    for (const f of outcome.changed) {
      fieldVersions[f] = IN_BATCH;
      fieldDevices[f] = deviceId;
    }
    cache.set(outcome.key, {
      entity: m.entity,
      id: m.id,
      version: outcome.before?.version ?? 0,
      town: null,
      data: outcome.after,
      fieldVersions,
      fieldDevices,
    });
  }
  return record(tx, caller, deviceId, outcomes, loaded, now);
}

/** Writes the batch's final records, then its history, conflicts and results. */
async function record(
  tx: Queryable,
  caller: Caller,
  deviceId: string,
  outcomes: Outcome[],
  { cache, storedTowns, enterpriseTowns, references }: Preloaded,
  now: Date,
): Promise<MutationResult[]> {
  const applied = outcomes.filter((o): o is Applied => !('rejected' in o));
  const writes = new Map<string, RecordWrite>();
  /** Each written record's last change: its history can copy the record as written. */
  const lastChange = new Map<string, Applied>();
  for (const o of applied) {
    if (o.changed.size === 0) continue;
    const data = cache.get(o.key)?.data ?? o.after;
    writes.delete(o.key); // keep the order of each record's last change
    writes.set(o.key, {
      entity: o.mutation.entity,
      data: data as RecordWrite['data'],
      deviceId,
      validated: true,
    });
    lastChange.set(o.key, o);
  }
  const written = await writeRecords(tx, [...writes.values()], { storedTowns, enterpriseTowns });
  // The documents this batch issues get their official numbers in its transaction: a batch
  // that fails or is refused takes none, and one sent again is answered without applying. Only
  // a submitted inspection issues any (its own write, or a hazard's), so drafts cost nothing.
  const submittedInspection = (id: unknown) => {
    const key = recordKey('inspection', String(id));
    return (cache.get(key)?.data ?? references.get(key))?.status === 'submitted';
  };
  await registerDocuments(
    tx,
    written.flatMap((w) => {
      const id =
        w.entity === 'inspection' ? w.id : w.entity === 'finding' ? w.data.inspectionId : null;
      return id !== null && submittedInspection(id) ? [String(id)] : [];
    }),
    caller.user.id,
    now,
  );
  // A granted extension's decision (延期整改审批表) is numbered in the push that brings the grant.
  await registerExtensionDecisions(
    tx,
    written.flatMap((w) => (w.entity === 'finding' ? [w.data as Finding] : [])),
    caller.user.id,
    now,
  );
  const versions = new Map(written.map((w) => [recordKey(w.entity, w.id), w]));
  const versionOf = (o: Applied) => versions.get(o.key)?.version ?? o.before?.version ?? 0;
  const at = now.toISOString();

  const history: HistoryEntry[] = [];
  const conflicts: ConflictEntry[] = [];
  const losingUsers = await deviceUsers(tx, [
    ...new Set(
      applied.flatMap((o) =>
        [...o.conflicting]
          .map((f) => o.before?.fieldDevices[f])
          .filter((d) => typeof d === 'string'),
      ),
    ),
  ]);
  for (const o of applied) {
    if (o.changed.size === 0) continue;
    const pick = (data: Record<string, unknown>) =>
      Object.fromEntries([...o.changed].map((f) => [f, data[f] ?? null]));
    history.push({
      entity: o.mutation.entity,
      id: o.mutation.id,
      version: versionOf(o),
      userId: caller.user.id,
      deviceId,
      mid: o.mutation.mid,
      at,
      before: o.before ? pick(o.before.data) : null,
      // A record created by its only change: the history copies it as written.
      after: o.before
        ? pick(o.after)
        : lastChange.get(o.key) === o
          ? null
          : { ...o.after, version: versionOf(o) },
    });
    for (const field of o.conflicting) {
      const losingDevice = o.before?.fieldDevices[field] ?? null;
      conflicts.push({
        entity: o.mutation.entity,
        recordId: o.mutation.id,
        town: versions.get(o.key)?.town ?? null,
        field,
        keptValue: o.after[field],
        losingValue: o.before?.data[field],
        keptUserId: caller.user.id,
        keptDeviceId: deviceId,
        losingUserId: losingDevice ? (losingUsers.get(losingDevice) ?? null) : null,
        losingDeviceId: losingDevice,
        version: versionOf(o),
        at,
      });
    }
  }
  await appendHistory(tx, history);
  await logConflicts(tx, conflicts);
  return outcomes.map((o): MutationResult => {
    if ('rejected' in o) return rejectedResult(o.mid, o.rejected);
    const version = versionOf(o);
    const status = o.conflicting.size > 0 ? 'conflict' : 'applied';
    return version > 0 ? { mid: o.mutation.mid, status, version } : { mid: o.mutation.mid, status };
  });
}
