// Owns checking one pushed mutation against the server's copy and every rule (write rules, record
// rules, rectification, photos, references) and planning what it changes (field merge,
// amendments, review, server-stamped times). Nothing is written here: push.ts records outcomes.
import { entitySchemas } from '../../../domain/schemas/entities';
import type { Amendment } from '../../../domain/schemas/inspection';
import type { Mutation } from '../../../domain/sync/protocol';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Caller } from '../auth/authenticate';
import type { Queryable } from '../db/database';
import { issuesSentence, toIssueKeys, toIssues } from '../http/parse-input';
import { encodeIssues } from '../../../domain/sync/refusal-issues';
import { mergeAmendments } from './amendment-rules';
import { changedSince, fieldsNeedingBase, planFields } from './field-merge';
import type { LaterChange } from './history';
import { valuesFromChanges } from './history';
import { checkRectification } from './rectification-rules';
import { stampRectification } from './rectification-stamps';
import type { StoredRecord } from './stored-records';
import { recordKey } from './stored-records';
import type { PhotoCheck } from './photo-references';
import { checkRecordRules, submits } from './inspection-rules';
import type { RecordFacts } from './inspection-rules';
import { editionTables } from '../reference/gb18218-editions';
import { reviewToMerge } from './review-rules';
import type { RuleFacts } from './rule-facts';
import { checkUserAgency } from './user-agency';
import { checkBuiltIn } from './built-in-rules';
import { checkPhotoTimes } from './photo-times';
import { checkTownReferences } from './town-rules';
import type { AmendmentLink, WriteCheck } from './write-rules';
import { checkTaskLink } from './task-links';
import { checkLockedFinding, checkReferences, checkWrite } from './write-rules';

export interface Applied {
  mutation: Mutation;
  key: string;
  before: StoredRecord | undefined;
  after: Record<string, unknown>;
  changed: Set<string>;
  conflicting: Set<string>;
}

export type Outcome = { mid: number; rejected: Refusal } | Applied;

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
