// Owns applying a push batch: per-device mutation numbering (duplicates answered as before, gaps
// refused), validation, write rules, field-level merge with a conflicts log, tombstones, history,
// all in one transaction so a batch is applied entirely or not at all, except that a mutation the
// database refuses to store is refused alone (store-isolation.ts).
import type { EntityName } from '../../../domain/schemas/entities';
import type { Finding } from '../../../domain/schemas/finding';
import { entitySchemas } from '../../../domain/schemas/entities';
import type { Amendment } from '../../../domain/schemas/inspection';
import type {
  Mutation,
  MutationResult,
  PushRequest,
  PushResponse,
} from '../../../domain/sync/protocol';
import { SCHEMA_VERSION } from '../../../domain/sync/protocol';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Caller } from '../auth/authenticate';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { registerDocuments } from '../register/assign-numbers';
import { registerExtensionDecisions } from '../register/extension-documents';
import { issuesSentence, toIssueKeys, toIssues } from '../http/parse-input';
import { encodeIssues } from '../../../domain/sync/refusal-issues';
import type { ConflictEntry } from './conflicts';
import { logConflicts } from './conflicts';
import { deviceUsers, lockDevice, setLastMid } from './devices';
import { mergeAmendments } from './amendment-rules';
import { changedSince, fieldsNeedingBase, planFields } from './field-merge';
import type { HistoryEntry } from './history';
import type { LaterChange } from './history';
import { appendHistory, changesAfter, valuesFromChanges } from './history';
import { checkRectification, rectificationVisitIds } from './rectification-rules';
import { stampRectification } from './rectification-stamps';
import type { RecordWrite } from './record-store';
import { writeRecords } from './record-store';
import type { ReferenceCache, VersionState } from './reference-cache';
import { referenceCacheOf } from './reference-cache';
import type { StoreFailureListener } from './store-isolation';
import { BatchStoreFailed, rejectedResult, storeFresh } from './store-isolation';
import type { StoredRecord } from './stored-records';
import { loadRecords, recordKey } from './stored-records';
import type { PhotoCheck } from './photo-references';
import { photoCheckOf } from './photo-references';
import { checkRecordRules, submits } from './inspection-rules';
import type { RecordFacts } from './inspection-rules';
import { editionTables } from '../reference/gb18218-editions';
import { reviewToMerge } from './review-rules';
import { ruleFacts } from './rule-facts';
import type { RuleFacts } from './rule-facts';
import { checkUserAgency } from './user-agency';
import { checkBuiltIn } from './built-in-rules';
import { checkPhotoTimes } from './photo-times';
import { checkTownReferences } from './town-rules';
import type { AmendmentLink, WriteCheck } from './write-rules';
import { checkTaskLink } from './task-links';
import { checkLockedFinding, checkReferences, checkWrite } from './write-rules';

/**
 * How many of a device's latest answers are kept for repeating. A device asks again only for the
 * batches whose answers it lost, at most a few of the latest; older mids are answered
 * `duplicate` without their result.
 */
export const RESULTS_KEPT = 5000;

/** Field versions of changes made earlier in the same batch: newer than any real version. */
const IN_BATCH = Number.MAX_SAFE_INTEGER;

export interface Applied {
  mutation: Mutation;
  key: string;
  before: StoredRecord | undefined;
  after: Record<string, unknown>;
  changed: Set<string>;
  conflicting: Set<string>;
}

export type Outcome = { mid: number; rejected: Refusal } | Applied;

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

async function earlierResults(tx: Queryable, deviceId: string, mids: number[]) {
  if (mids.length === 0) return new Map<number, Omit<MutationResult, 'mid' | 'status'>>();
  const rows = await tx.query<{ mid: number; result: MutationResult }>(
    `SELECT mid, result FROM mutation_results WHERE device_id = $1::uuid
     AND mid IN (SELECT value::bigint FROM jsonb_array_elements_text($2::jsonb))`,
    [deviceId, JSON.stringify(mids)],
  );
  return new Map(
    rows.map((r) => {
      const { version, error, reason } = r.result;
      return [
        r.mid,
        {
          ...(version ? { version } : {}),
          ...(error ? { error } : {}),
          ...(reason ? { reason } : {}),
        },
      ];
    }),
  );
}

async function saveResults(tx: Queryable, deviceId: string, results: MutationResult[]) {
  await tx.query(
    `INSERT INTO mutation_results (device_id, mid, result)
     SELECT $1::uuid, (r->>'mid')::bigint, r FROM jsonb_array_elements($2::jsonb) AS r`,
    [deviceId, JSON.stringify(results)],
  );
}

/** What a batch reads before applying its mutations. */
interface Preloaded {
  /** The stored records the batch writes, by recordKey; its own writes replace them as it goes. */
  cache: Map<string, StoredRecord>;
  /** Their scopes as stored (records the batch creates are absent), by recordKey. */
  storedTowns: Map<string, string | null>;
  /** The enterprises and inspections the batch refers to but does not write, by recordKey. */
  references: Map<string, Readonly<Record<string, unknown>>>;
  /** The stored town of each enterprise the batch writes or refers to, by id. */
  enterpriseTowns: Map<string, string>;
}

/**
 * Forgets the device's answers older than its latest RESULTS_KEPT, once each time the numbering
 * passes a multiple of RESULTS_KEPT (so a batch rarely pays for it).
 */
async function pruneResults(tx: Queryable, deviceId: string, before: number, after: number) {
  const step = Math.floor(after / RESULTS_KEPT);
  if (step === Math.floor(before / RESULTS_KEPT)) return;
  await tx.query('DELETE FROM mutation_results WHERE device_id = $1::uuid AND mid <= $2', [
    deviceId,
    (step - 1) * RESULTS_KEPT,
  ]);
}

/** Loads what the batch touches and refers to: its records, their enterprises and inspections. */
async function preload(
  tx: Queryable,
  mutations: Mutation[],
  referenceCache: Pick<ReferenceCache, 'load'>,
): Promise<Preloaded> {
  const cache = await loadRecords(
    tx,
    mutations.map((m) => ({ entity: m.entity, id: m.id })),
  );
  const refs = new Map<string, { entity: EntityName; id: string }>();
  const addRef = (entity: 'enterprise' | 'inspection', id: unknown) => {
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
      const key = recordKey(entity, id);
      if (!cache.has(key)) refs.set(key, { entity, id });
    }
  };
  for (const m of mutations) {
    for (const data of [m.data, cache.get(recordKey(m.entity, m.id))?.data]) {
      if (!data) continue;
      if (m.entity === 'inspection' || m.entity === 'finding')
        addRef('enterprise', data.enterpriseId);
      if (m.entity === 'finding') {
        addRef('inspection', data.inspectionId);
        // Verifications name re-inspection visits, which an earlier batch may have sent.
        for (const id of rectificationVisitIds(data)) addRef('inspection', id);
      }
    }
  }
  const references = await referenceCache.load(tx, [...refs.values()]);
  const enterpriseTowns = new Map<string, string>();
  for (const r of cache.values()) {
    if (r.entity === 'enterprise' && r.town !== null) enterpriseTowns.set(r.id, r.town);
  }
  for (const [key, { entity, id }] of refs) {
    const town = references.get(key)?.town;
    if (entity === 'enterprise' && typeof town === 'string') enterpriseTowns.set(id, town);
  }
  return {
    cache,
    storedTowns: new Map([...cache].map(([key, r]) => [key, r.town])),
    references,
    enterpriseTowns,
  };
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

/**
 * The history after each stored record's earliest base version in the batch, in one query: what
 * the field merge needs to know what the client's copy held. Records whose stored version is not
 * past the base need none.
 */
async function laterHistory(
  tx: Queryable,
  mutations: readonly Mutation[],
  stored: ReadonlyMap<string, StoredRecord>,
): Promise<Map<string, LaterChange[]>> {
  const earliest = new Map<string, { entity: EntityName; id: string; after: number }>();
  for (const m of mutations) {
    const key = recordKey(m.entity, m.id);
    const record = stored.get(key);
    if (!record || record.version <= m.baseVersion) continue;
    const known = earliest.get(key);
    if (!known || m.baseVersion < known.after) {
      earliest.set(key, { entity: m.entity, id: m.id, after: m.baseVersion });
    }
  }
  return changesAfter(tx, [...earliest.values()]);
}

/**
 * Checks one mutation against the server's copy and every rule, and plans what it changes.
 * Exported for changes made on the server as if pushed by a user (a conflict's resolution).
 */
export async function applyOne(
  tx: Queryable,
  caller: Pick<Caller, 'user'>,
  deviceId: string,
  m: Mutation,
  cache: Map<string, StoredRecord>,
  lookup: WriteCheck['lookup'],
  now: Date,
  history: ReadonlyMap<string, LaterChange[]>,
  photos: PhotoCheck,
  facts: RuleFacts,
): Promise<Outcome> {
  const key = recordKey(m.entity, m.id);
  const existing = cache.get(key);
  const rejected = (reason: Refusal): Outcome => ({ mid: m.mid, rejected: reason });
  let incoming: Record<string, unknown>;
  // Document numbers are the register's (register/assign-numbers.ts): nobody sends one.
  if (m.entity === 'document') {
    return rejected(refusal('documentServerWritten', { entity: m.entity }));
  }
  if (m.op === 'delete' && !existing) {
    return rejected(refusal('nothingToDelete', { entity: m.entity, id: m.id }));
  }
  // A device's copy is never newer than the server's: a higher base is made up.
  const current = existing?.version ?? 0;
  if (m.baseVersion > current) {
    const params = {
      entity: m.entity,
      baseVersion: String(m.baseVersion),
      version: String(current),
    };
    return rejected(refusal('baseVersionAhead', params));
  }
  const builtIn = checkBuiltIn(m, existing?.data);
  if (builtIn) return rejected(builtIn);
  if (m.op === 'delete' && existing) {
    incoming = { ...existing.data, deletedAt: existing.data.deletedAt ?? now.toISOString() };
  } else {
    if (!m.data) return rejected(refusal('dataRequired'));
    if (m.data.id !== undefined && m.data.id !== m.id) {
      return rejected(refusal('idMismatch'));
    }
    const parsed = entitySchemas[m.entity].safeParse({
      ...m.data,
      id: m.id,
      version: existing?.version ?? 0,
      updatedAt: now.toISOString(),
      createdBy: existing?.data.createdBy ?? caller.user.id,
      deletedAt: deletionTime(m.data.deletedAt, existing?.data.deletedAt, now),
    });
    if (!parsed.success) {
      const issues = toIssues(parsed.error).map((i) => ({ ...i, path: `data.${i.path}` }));
      const issueList = encodeIssues(toIssueKeys(parsed.error));
      return rejected(
        refusal('invalid', { entity: m.entity, issues: issuesSentence(issues), issueList }),
      );
    }
    incoming = parsed.data as Record<string, unknown>;
    const lateTaken = checkPhotoTimes(m.entity, incoming, now);
    if (lateTaken) return rejected(lateTaken);
  }
  // The amendment history only grows, and the review follows its rules (review-rules.ts).
  let freshAmendments: Amendment[] = [];
  let reviewReopened = false;
  if (m.entity === 'inspection') {
    const stored = (existing?.data.amendments ?? []) as Amendment[];
    const merged = mergeAmendments(stored, incoming.amendments as Amendment[], now);
    if (!merged.ok) return rejected(merged.refusal);
    freshAmendments = merged.fresh;
    const reviewChanged = existing && changedSince(existing, 'review', m.baseVersion, deviceId);
    const review = reviewToMerge({
      stored: existing?.data,
      sent: incoming.review,
      base: reviewChanged
        ? valuesFromChanges(history.get(key) ?? [], m.baseVersion, ['review']).get('review')
        : undefined,
      amended: freshAmendments.length > 0,
      user: caller.user,
      now,
    });
    reviewReopened = review.reopened;
    incoming = { ...incoming, amendments: merged.amendments, review: review.review };
  }
  // When a rectification step was recorded is the server's time, not the device's.
  if (m.entity === 'finding' && m.op === 'upsert') {
    incoming = stampRectification(existing?.data, incoming, now);
  }
  const baseValues = existing
    ? valuesFromChanges(
        history.get(key) ?? [],
        m.baseVersion,
        fieldsNeedingBase(existing, incoming, m.baseVersion, deviceId),
      )
    : new Map<string, unknown>();
  const plan = planFields(existing, incoming, m.baseVersion, deviceId, baseValues);
  // Merged rather than overwritten, and reopened by the server: neither is a conflict to settle.
  plan.conflicting.delete('amendments');
  if (reviewReopened) plan.conflicting.delete('review');
  const after: Record<string, unknown> = existing ? { ...existing.data } : {};
  for (const f of plan.changed) after[f] = incoming[f];
  for (const f of ['id', 'createdBy', 'version', 'updatedAt']) after[f] ??= incoming[f];
  if (plan.changed.size > 0) after.updatedAt = now.toISOString();
  const check = {
    entity: m.entity,
    before: existing?.data,
    after,
    changed: plan.changed,
    lookup,
  };
  // A new record is the upsert's data as parsed above; only a merge can make an invalid whole.
  const whole = existing ? entitySchemas[m.entity].safeParse(after) : null;
  if (whole && !whole.success) {
    const issues = toIssues(whole.error).map((i) => ({ ...i, path: `data.${i.path}` }));
    const issueList = encodeIssues(toIssueKeys(whole.error));
    return rejected(
      refusal('invalidMerged', { entity: m.entity, issues: issuesSentence(issues), issueList }),
    );
  }
  const link = await amendmentLink(m, existing, after, caller.user.id, facts);
  const recordFacts: RecordFacts = {
    users: m.entity === 'inspection' ? await facts.users() : new Map(),
    deactivated: m.entity === 'inspection' ? await facts.deactivatedUsers() : new Set(),
    freshAmendments,
    reviewReopened,
    ...(m.entity === 'inspection' && submits(existing?.data, after)
      ? { submission: await facts.submission(after) }
      : {}),
    ...(m.entity === 'inspection' && plan.changed.has('gradingSnapshot')
      ? { gb18218Editions: await editionTables(tx) }
      : {}),
  };
  const refused =
    checkReferences(check) ??
    checkLockedFinding(check, link) ??
    checkWrite(caller.user, check) ??
    checkRecordRules(caller.user, check, recordFacts) ??
    checkRectification(caller.user, check, now);
  if (refused) return rejected(refused);
  // Only photos and signatures its writer uploaded or may read already (photo-references.ts).
  const photo = photos.refusal(m.entity, m.id, after);
  if (photo) return rejected(photo);
  if (m.entity === 'user' && plan.changed.has('username')) {
    const [taken] = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'user' AND data->>'username' = $1 AND id <> $2::uuid`,
      [after.username, m.id],
    );
    if (taken) return rejected(refusal('usernameTaken'));
  }
  if (m.entity === 'inspection') {
    const task = await checkTaskLink(tx, after, plan.changed);
    if (task) return rejected(task);
  }
  if (m.entity === 'user') {
    const inBatch = (id: string) => cache.get(recordKey('agency', id))?.data;
    const unknown = await checkUserAgency(tx, after, plan.changed, inBatch);
    if (unknown) return rejected(unknown);
  }
  if (m.entity === 'user' || m.entity === 'enterprise' || m.entity === 'town') {
    const inBatch = (code: string) =>
      [...cache.values()].find((r) => r.entity === 'town' && r.data.code === code)?.data;
    const town = await checkTownReferences(tx, {
      entity: m.entity,
      id: m.id,
      before: existing?.data,
      after,
      changed: plan.changed,
      inBatch,
    });
    if (town) return rejected(town);
  }
  // Stored as its schema gives it back, so that writing it need not parse it again.
  const valid = whole ? (whole.data as Record<string, unknown>) : after;
  if (link && typeof after.amendedAt === 'string') facts.noteAmendmentUsed(m.id, after.amendedAt);
  return { mutation: m, key, before: existing, after: valid, ...plan };
}

/**
 * A record's deletedAt as the server stores it: whether it is deleted is the device's to say,
 * when is the server's (the time it first learned of it), as for a delete operation.
 */
function deletionTime(sent: unknown, stored: unknown, now: Date): unknown {
  if (sent === undefined) return stored ?? null;
  if (typeof sent !== 'string') return sent; // null, or something for the schema to refuse
  return typeof stored === 'string' ? stored : now.toISOString();
}

/**
 * For a hazard: the caller and the amendments its earlier changes named (checkLockedFinding).
 * Its history is read only when the change names another amendment than the stored copy does.
 */
async function amendmentLink(
  m: Mutation,
  existing: StoredRecord | undefined,
  after: Record<string, unknown>,
  userId: string,
  facts: RuleFacts,
): Promise<AmendmentLink | undefined> {
  if (m.entity !== 'finding') return undefined;
  const renamed =
    existing !== undefined &&
    typeof after.amendedAt === 'string' &&
    after.amendedAt !== existing.data.amendedAt;
  return { userId, used: await facts.usedAmendments(m.id, renamed) };
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
