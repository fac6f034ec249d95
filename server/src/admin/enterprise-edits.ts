// An administrator's edits of one enterprise: creating it, changing any of its fields, closing it
// (shut down, or merged into another) and reopening it. Each is written through the record store
// (a new version that devices pull, and a history row) with its audit entry, in one transaction
// that holds the global write lock, so the checks below see the registry as it is written.
import { sameValue } from '../../../domain/rules/inspection-changes';
import { isClosed } from '../../../domain/rules/enterprise-status';
import { ENTERPRISE_CONTENT_FIELDS } from '../../../domain/rules/enterprise-import';
import type { Closure, Enterprise, EnterpriseInput } from '../../../domain/schemas/enterprise';
import { enterpriseSchema } from '../../../domain/schemas/enterprise';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { appendHistory } from '../sync/history';
import { writeRecords } from '../sync/record-store';
import { recordAdminAction } from './audit-log';
import { districtTowns } from './district-towns';
import { newRecordEnvelope } from '../db/new-record';

async function lockedRead(tx: Queryable, id: string): Promise<Enterprise | undefined> {
  const [row] = await tx.query<{ data: unknown }>(
    "SELECT data FROM records WHERE entity = 'enterprise' AND id = $1::uuid",
    [id],
  );
  return row ? enterpriseSchema.parse(row.data) : undefined;
}

async function requireEnterprise(tx: Queryable, id: string): Promise<Enterprise> {
  const found = await lockedRead(tx, id);
  if (!found || found.deletedAt !== null) {
    throw new ApiError(404, 'not_found', 'There is no such enterprise.');
  }
  return found;
}

async function checkInput(tx: Queryable, input: EnterpriseInput, id: string | null) {
  const towns = await districtTowns(tx);
  if (!towns.has(input.town)) {
    throw new ApiError(400, 'unknown_town', `${input.town} is not a town of the district.`);
  }
  const [holder] = await tx.query<{ id: string; name: string }>(
    `SELECT id::text AS id, data->>'name' AS name FROM records
     WHERE entity = 'enterprise' AND data->>'creditCode' = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [input.creditCode, id],
  );
  if (holder) {
    throw new ApiError(
      409,
      'credit_code_taken',
      `${input.creditCode} is already the credit code of ${holder.name}.`,
    );
  }
}

const pick = (source: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, source[f] ?? null]));

/** Writes the enterprise, its history row and the audit entry; answers the stored record. */
async function write(
  tx: Queryable,
  admin: User,
  action: 'enterprise.create' | 'enterprise.update' | 'enterprise.close' | 'enterprise.reopen',
  before: Enterprise | undefined,
  after: Enterprise,
  now: Date,
): Promise<Enterprise> {
  const changed = before
    ? ENTERPRISE_CONTENT_FIELDS.filter((f) => !sameValue(before[f] ?? null, after[f] ?? null))
    : [...ENTERPRISE_CONTENT_FIELDS];
  const [written] = await writeRecords(tx, [{ entity: 'enterprise', data: after }]);
  if (!written) throw new Error('writeRecords wrote nothing');
  const at = now.toISOString();
  await appendHistory(tx, [
    {
      entity: 'enterprise',
      id: after.id,
      version: written.version,
      userId: admin.id,
      deviceId: null,
      mid: null,
      at,
      before: before ? pick(before, changed) : null,
      after: before ? pick(after, changed) : null,
    },
  ]);
  await recordAdminAction(
    tx,
    {
      actorId: admin.id,
      action,
      targetKind: 'enterprise',
      targetId: after.id,
      ...(before ? { before: pick(before, changed) } : {}),
      after: pick(after, changed),
    },
    now,
  );
  return enterpriseSchema.parse(written.data);
}

const lockAll = (tx: Queryable) => tx.query('SELECT version FROM sync_state FOR UPDATE');

export function createEnterprise(
  db: Database,
  admin: User,
  input: EnterpriseInput,
  now: Date,
): Promise<Enterprise> {
  return db.transaction(async (tx) => {
    await lockAll(tx);
    await checkInput(tx, input, null);
    const record: Enterprise = {
      ...newRecordEnvelope(admin.id, now.toISOString()),
      ...input,
      closure: null,
    };
    return write(tx, admin, 'enterprise.create', undefined, record, now);
  });
}

function requireBase(stored: Enterprise, baseVersion: number) {
  if (stored.version !== baseVersion) {
    throw new ApiError(
      409,
      'changed_since',
      `The enterprise has changed since version ${String(baseVersion)} (it is at ${String(stored.version)}); reload it and edit again.`,
    );
  }
}

/**
 * Runs `edit` on the stored enterprise under the registry's lock, once it is shown to be still
 * at the version the administrator edited.
 */
function editAtVersion(
  db: Database,
  id: string,
  baseVersion: number,
  edit: (tx: Queryable, stored: Enterprise) => Promise<Enterprise>,
): Promise<Enterprise> {
  return db.transaction(async (tx) => {
    await lockAll(tx);
    const stored = await requireEnterprise(tx, id);
    requireBase(stored, baseVersion);
    return edit(tx, stored);
  });
}

/** Changes any field but the closure; a change that changes nothing writes nothing. */
export function updateEnterprise(
  db: Database,
  admin: User,
  id: string,
  baseVersion: number,
  input: EnterpriseInput,
  now: Date,
): Promise<Enterprise> {
  return editAtVersion(db, id, baseVersion, async (tx, stored) => {
    await checkInput(tx, input, id);
    const after: Enterprise = { ...stored, ...input, updatedAt: now.toISOString() };
    const same = ENTERPRISE_CONTENT_FIELDS.every((f) =>
      sameValue(stored[f] ?? null, after[f] ?? null),
    );
    if (same) return stored;
    return write(tx, admin, 'enterprise.update', stored, after, now);
  });
}

/** Closes an operating enterprise: shut down, or merged into another operating one. */
export function closeEnterprise(
  db: Database,
  admin: User,
  id: string,
  baseVersion: number,
  closure: Closure,
  now: Date,
): Promise<Enterprise> {
  return editAtVersion(db, id, baseVersion, async (tx, stored) => {
    if (isClosed(stored)) {
      throw new ApiError(409, 'already_closed', 'The enterprise is closed already.');
    }
    if (closure.mergedIntoId !== undefined) {
      const target = await lockedRead(tx, closure.mergedIntoId);
      if (closure.mergedIntoId === id) {
        throw new ApiError(400, 'merger_into_itself', 'An enterprise cannot merge into itself.');
      }
      if (!target || target.deletedAt !== null) {
        throw new ApiError(
          400,
          'unknown_merger_target',
          'The enterprise merged into does not exist.',
        );
      }
      if (isClosed(target)) {
        throw new ApiError(
          409,
          'merger_target_closed',
          `${target.name} is closed itself: an enterprise merges into one that operates.`,
        );
      }
    }
    const after: Enterprise = { ...stored, closure, updatedAt: now.toISOString() };
    return write(tx, admin, 'enterprise.close', stored, after, now);
  });
}

/** Takes back a closure recorded by mistake. */
export function reopenEnterprise(
  db: Database,
  admin: User,
  id: string,
  baseVersion: number,
  now: Date,
): Promise<Enterprise> {
  return editAtVersion(db, id, baseVersion, async (tx, stored) => {
    if (!isClosed(stored)) throw new ApiError(409, 'not_closed', 'The enterprise is not closed.');
    const after: Enterprise = { ...stored, closure: null, updatedAt: now.toISOString() };
    return write(tx, admin, 'enterprise.reopen', stored, after, now);
  });
}
