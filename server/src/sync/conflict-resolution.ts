// Owns resolving a logged conflict: keeping the value that won, or restoring the one it
// overwrote. A restore is a change the resolver makes, judged exactly as if they had pushed it
// (the push's applyOne, apply-mutation.ts: its merge, locks and every write rule), refused with the push's refusal
// code when a push would be; it is written with a new version, reaches devices through the pull,
// and its history row names the conflict it resolved.
import type { EntityName } from '../../../domain/schemas/entities';
import { entitySchemas } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';
import type { Mutation } from '../../../domain/sync/protocol';
import { refusalText } from '../../../domain/sync/refusals';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import type { ConflictRow, ConflictView } from './conflicts';
import { columns, handledBy, requireConflictHandler, view } from './conflicts';
import { appendHistory } from './history';
import { photoCheckOf } from './photo-references';
import { applyOne } from './apply-mutation';
import type { RecordWrite } from './record-store';
import { writeRecords } from './record-store';
import { rectificationVisitIds } from './rectification-rules';
import { ruleFacts } from './rule-facts';
import { loadRecords, loadReferences, recordKey } from './stored-records';
import { REFERENCED_FIELDS } from './write-rules';

/**
 * Resolves an open conflict the caller handles (conflicts.ts, handledBy); any other is answered
 * as missing. Keeping the current value changes no record.
 */
export async function resolveConflict(
  db: Database,
  user: User,
  id: string,
  keep: 'kept' | 'losing',
  now: Date,
): Promise<ConflictView> {
  requireConflictHandler(user);
  return db.transaction(async (tx) => {
    // The global lock first, as every writer takes it: the record read below stays current.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    const handled = handledBy(user, 2);
    const [row] = await tx.query<ConflictRow>(
      `SELECT ${columns} FROM conflicts c WHERE c.id = $1::uuid AND ${handled.sql} FOR UPDATE`,
      [id, ...handled.params],
    );
    if (!row) {
      throw new ApiError(404, 'not_found', 'There is no such conflict for you to resolve.');
    }
    if (row.resolved_at) {
      // The same choice again (a device resending a queued choice whose answer it never got)
      // changes nothing and answers as the first time did; a different choice is refused.
      if (row.resolution === keep) return view(row);
      throw new ApiError(
        409,
        'already_resolved',
        `This conflict has already been resolved (${row.resolution === 'losing' ? 'the overwritten value was restored' : 'the current value was kept'}).`,
      );
    }
    if (keep === 'losing') await restoreLosingValue(tx, user, row, now);
    const [resolved] = await tx.query<ConflictRow>(
      `UPDATE conflicts c SET resolved_at = $2::timestamptz, resolved_by = $3::uuid,
         resolution = $4
       WHERE c.id = $1::uuid RETURNING ${columns}`,
      [id, now.toISOString(), user.id, keep],
    );
    if (!resolved) throw new Error(`conflict ${id} vanished while being resolved`);
    return view(resolved);
  });
}

/** The enterprises and inspections the write rules look up for `data`, as the push loads them. */
async function referencesOf(tx: Queryable, entity: EntityName, data: Record<string, unknown>[]) {
  const keys = new Map<string, { entity: EntityName; id: string }>();
  const add = (kind: 'enterprise' | 'inspection', id: unknown) => {
    if (typeof id === 'string') keys.set(recordKey(kind, id), { entity: kind, id });
  };
  for (const d of data) {
    if (entity === 'inspection' || entity === 'finding') add('enterprise', d.enterpriseId);
    if (entity === 'finding') {
      add('inspection', d.inspectionId);
      // Verifications name re-inspection visits, as the push loads them.
      for (const visit of rectificationVisitIds(d)) add('inspection', visit);
    }
  }
  return loadReferences(tx, [...keys.values()], REFERENCED_FIELDS);
}

async function restoreLosingValue(tx: Queryable, user: User, row: ConflictRow, now: Date) {
  const key = recordKey(row.entity, row.record_id);
  const cache = await loadRecords(tx, [{ entity: row.entity, id: row.record_id }]);
  const stored = cache.get(key);
  if (!stored) throw new Error(`conflict ${row.id} refers to a missing record`);
  // Restoring over a change made after the conflict would silently undo that newer change.
  const fieldVersion = Number(stored.fieldVersions[row.field] ?? 0);
  if (fieldVersion > Number(row.version)) {
    throw new ApiError(
      409,
      'changed_since',
      `${row.field} has changed again since this conflict; keep the current value instead.`,
    );
  }
  const data = { ...stored.data, [row.field]: row.losing_value, updatedAt: now.toISOString() };
  if (!entitySchemas[row.entity].safeParse(data).success) {
    throw new ApiError(
      409,
      'cannot_restore',
      `The losing value of ${row.field} no longer fits the record; keep the current value instead.`,
    );
  }
  // As if the resolver pushed the record with the value restored, from the current version.
  const mutation: Mutation = {
    mid: 0,
    entity: row.entity,
    id: row.record_id,
    op: 'upsert',
    data,
    baseVersion: stored.version,
  };
  const references = await referencesOf(tx, row.entity, [stored.data, data]);
  const lookup = (entity: 'enterprise' | 'inspection', id: unknown) => {
    if (typeof id !== 'string') return undefined;
    const k = recordKey(entity, id);
    return cache.get(k)?.data ?? references.get(k);
  };
  const outcome = await applyOne(
    tx,
    { user },
    // No device: the resolver's change is made on the server.
    '',
    mutation,
    cache,
    lookup,
    now,
    new Map(),
    await photoCheckOf(tx, user, [mutation], cache),
    ruleFacts(tx, cache),
  );
  if ('rejected' in outcome) {
    throw new ApiError(409, outcome.rejected.code, refusalText(outcome.rejected));
  }
  if (outcome.changed.size === 0) return;
  const [written] = await writeRecords(tx, [
    { entity: row.entity, data: outcome.after as RecordWrite['data'], validated: true },
  ]);
  if (!written) throw new Error('writeRecords wrote nothing');
  const pick = (source: Record<string, unknown>) =>
    Object.fromEntries([...outcome.changed].map((f) => [f, source[f] ?? null]));
  await appendHistory(tx, [
    {
      entity: row.entity,
      id: row.record_id,
      version: written.version,
      userId: user.id,
      deviceId: null,
      mid: null,
      at: now.toISOString(),
      before: pick(stored.data),
      after: pick(written.data),
      conflictId: row.id,
    },
  ]);
}
