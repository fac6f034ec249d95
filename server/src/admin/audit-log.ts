// The audit log of administrative actions (migration 8): who did what to which thing, when, and
// the thing before and after as the action saw it. Written in the transaction of the action it
// records, so an action that rolls back leaves no entry, and one that commits always has one.
// Rows are only inserted; nothing in the server updates or deletes them.
import { z } from 'zod';
import { auditTargetKindsList } from '../../../domain/schemas/admin-audit-kinds';
import type { Queryable } from '../db/database';

/** What an administrative action was done to; the log's filters offer these. */
export const auditTargetKinds = auditTargetKindsList;

export const auditEntrySchema = z.object({
  actorId: z.uuid(),
  /** A short verb phrase in code form, e.g. `user.create`, `device.wipe`, `enterprises.import`. */
  action: z.string().regex(/^[a-z]+(\.[a-z][a-zA-Z]*)+$/),
  targetKind: z.enum(auditTargetKinds),
  targetId: z.string().min(1).max(200).nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: string;
}

/** Records one administrative action, in the caller's transaction, at the server's time. */
export async function recordAdminAction(tx: Queryable, entry: AuditEntry, at: Date): Promise<void> {
  const e = auditEntrySchema.parse(entry);
  await tx.query(
    `INSERT INTO admin_actions (at, actor_id, action, target_kind, target_id, before, after)
     VALUES ($1::timestamptz, $2::uuid, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      at.toISOString(),
      e.actorId,
      e.action,
      e.targetKind,
      e.targetId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

export interface AuditQuery {
  actorId?: string;
  targetKind?: (typeof auditTargetKinds)[number];
  targetId?: string;
  /** Inclusive bounds, ISO 8601. */
  from?: string;
  to?: string;
  limit?: number;
}

/** The log's entries matching every given filter, newest first. */
export async function listAdminActions(
  db: Queryable,
  query: AuditQuery = {},
): Promise<StoredAuditEntry[]> {
  const rows = await db.query<{
    id: string | number;
    at: Date | string;
    actor_id: string;
    action: string;
    target_kind: AuditEntry['targetKind'];
    target_id: string | null;
    before: unknown;
    after: unknown;
  }>(
    `SELECT id, at, actor_id, action, target_kind, target_id, before, after FROM admin_actions
     WHERE ($1::uuid IS NULL OR actor_id = $1::uuid)
       AND ($2::text IS NULL OR target_kind = $2)
       AND ($3::text IS NULL OR target_id = $3)
       AND ($4::timestamptz IS NULL OR at >= $4::timestamptz)
       AND ($5::timestamptz IS NULL OR at <= $5::timestamptz)
     ORDER BY at DESC, id DESC
     LIMIT $6`,
    [
      query.actorId ?? null,
      query.targetKind ?? null,
      query.targetId ?? null,
      query.from ?? null,
      query.to ?? null,
      query.limit ?? 1000,
    ],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    ...(r.before === null ? {} : { before: r.before }),
    ...(r.after === null ? {} : { after: r.after }),
  }));
}
