// Owns officers' declared conflicts with enterprises (回避, the officer_conflicts table): declared
// by the officer or a supervisor of the officer's agency, in force until withdrawn, and read by
// every draw, which never sends an officer to an enterprise they declared.
import { conflictDeclarationProblem } from '../../../domain/rules/conflict-declarations';
import { activeConflicts } from '../../../domain/rules/officer-list';
import type { ConflictDeclaration, ConflictPair } from '../../../domain/schemas/officer';
import { conflictDeclarationSchema } from '../../../domain/schemas/officer';
import type { ConflictDeclare } from '../../../domain/schemas/plan-requests';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { readRecord } from '../sync/record-store';
import { newRecordEnvelope } from '../db/new-record';

const notYours = () =>
  new ApiError(
    403,
    'conflict.notYours',
    "A conflict is declared or withdrawn by the officer or a supervisor of the officer's agency.",
  );

async function officerOf(tx: Queryable, id: string): Promise<User> {
  const officer = await readRecord(tx, 'user', id);
  if (!officer || officer.deletedAt !== null) {
    throw new ApiError(400, 'conflict.unknownOfficer', 'officerId names no user.');
  }
  return officer;
}

export function declareConflict(
  db: Database,
  user: User,
  body: ConflictDeclare,
  now: Date,
): Promise<ConflictDeclaration> {
  return db.transaction(async (tx) => {
    const officer = await officerOf(tx, body.officerId);
    if (conflictDeclarationProblem(user, officer)) throw notYours();
    const enterprise = await readRecord(tx, 'enterprise', body.enterpriseId);
    if (!enterprise || enterprise.deletedAt !== null) {
      throw new ApiError(400, 'conflict.unknownEnterprise', 'enterpriseId names no enterprise.');
    }
    const at = now.toISOString();
    const declaration = conflictDeclarationSchema.parse({
      ...newRecordEnvelope(user.id, at, 1),
      ...body,
      declaredAt: at,
    });
    await tx.query(
      `INSERT INTO officer_conflicts (id, officer_id, enterprise_id, data)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::jsonb)`,
      [
        declaration.id,
        declaration.officerId,
        declaration.enterpriseId,
        JSON.stringify(declaration),
      ],
    );
    return declaration;
  });
}

export function withdrawConflict(
  db: Database,
  user: User,
  id: string,
  now: Date,
): Promise<ConflictDeclaration> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ data: unknown }>(
      'SELECT data FROM officer_conflicts WHERE id = $1::uuid FOR UPDATE',
      [id],
    );
    const found = rows[0] ? conflictDeclarationSchema.parse(rows[0].data) : null;
    if (!found) throw new ApiError(404, 'conflict.notFound', 'There is no such declaration.');
    const officer = await readRecord(tx, 'user', found.officerId);
    if (!officer || conflictDeclarationProblem(user, officer)) throw notYours();
    if (found.deletedAt !== null) return found;
    const at = now.toISOString();
    const withdrawn = { ...found, deletedAt: at, updatedAt: at, version: found.version + 1 };
    await tx.query(
      `UPDATE officer_conflicts SET data = $2::jsonb, withdrawn_at = $3::timestamptz
       WHERE id = $1::uuid`,
      [id, JSON.stringify(withdrawn), at],
    );
    return withdrawn;
  });
}

/** The declarations the caller may see: their own, and a supervisor's agency's officers'. */
export async function listConflicts(db: Queryable, user: User): Promise<ConflictDeclaration[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT c.data FROM officer_conflicts c
     JOIN records u ON u.entity = 'user' AND u.id = c.officer_id
     WHERE c.officer_id = $1::uuid OR ($2 AND u.data->>'agencyId' = $3)
     ORDER BY c.id`,
    [user.id, user.role === 'supervisor', user.agencyId],
  );
  return rows.map((r) => conflictDeclarationSchema.parse(r.data));
}

/** The conflicts in force of the officers, as a draw reads them. */
export async function conflictsInForce(
  tx: Queryable,
  officerIds: readonly string[],
): Promise<ConflictPair[]> {
  if (officerIds.length === 0) return [];
  const rows = await tx.query<{ data: unknown }>(
    `SELECT data FROM officer_conflicts WHERE withdrawn_at IS NULL
       AND officer_id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(officerIds)],
  );
  return activeConflicts(rows.map((r) => conflictDeclarationSchema.parse(r.data)));
}
