// Owns the penalty_cases table: reading a case (locked for the change about to be made),
// storing a new one and a changed one, and listing the cases a user may see. Every stored case
// is parsed with the domain schema on the way in and out.
import type { PenaltyCase } from '../../../domain/schemas/penalty-case';
import { penaltyCaseSchema } from '../../../domain/schemas/penalty-case';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';

/** The case, locked until the transaction ends (FOR UPDATE): writers of one case take turns. */
export async function lockedCase(tx: Queryable, id: string): Promise<PenaltyCase | undefined> {
  const [row] = await tx.query<{ data: unknown }>(
    `SELECT data FROM penalty_cases WHERE id = $1::uuid FOR UPDATE`,
    [id],
  );
  return row ? penaltyCaseSchema.parse(row.data) : undefined;
}

export async function readCase(db: Queryable, id: string): Promise<PenaltyCase | undefined> {
  const [row] = await db.query<{ data: unknown }>(
    `SELECT data FROM penalty_cases WHERE id = $1::uuid`,
    [id],
  );
  return row ? penaltyCaseSchema.parse(row.data) : undefined;
}

/** Whether a case opened from the record is pending or open. */
export async function liveCaseOf(tx: Queryable, recordId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM penalty_cases
     WHERE data->'origin'->>'recordId' = $1 AND status IN ('pending', 'open')`,
    [recordId],
  );
  return rows.length > 0;
}

export async function insertCase(tx: Queryable, c: PenaltyCase, now: Date): Promise<void> {
  const data = penaltyCaseSchema.parse(c);
  await tx.query(
    `INSERT INTO penalty_cases (id, agency_id, town, status, version, data, updated_at)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb, $7::timestamptz)`,
    [
      data.id,
      data.agencyId,
      data.town,
      data.status,
      data.version,
      JSON.stringify(data),
      now.toISOString(),
    ],
  );
}

export async function updateCase(tx: Queryable, c: PenaltyCase, now: Date): Promise<void> {
  const data = penaltyCaseSchema.parse(c);
  await tx.query(
    `UPDATE penalty_cases SET status = $2, version = $3, data = $4::jsonb, updated_at = $5::timestamptz
     WHERE id = $1::uuid`,
    [data.id, data.status, data.version, JSON.stringify(data), now.toISOString()],
  );
}

/** The cases a user may see: an administrator every one, anyone else their agency's in their towns. */
export async function visibleCases(db: Queryable, user: User): Promise<PenaltyCase[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM penalty_cases
     WHERE $1::boolean OR (agency_id = $2::uuid
       AND town IN (SELECT value FROM jsonb_array_elements_text($3::jsonb)))`,
    [user.role === 'admin', user.agencyId, JSON.stringify(user.jurisdiction)],
  );
  return rows.map((r) => penaltyCaseSchema.parse(r.data));
}

export function maySee(user: User, c: Pick<PenaltyCase, 'agencyId' | 'town'>): boolean {
  return (
    user.role === 'admin' || (user.agencyId === c.agencyId && user.jurisdiction.includes(c.town))
  );
}
