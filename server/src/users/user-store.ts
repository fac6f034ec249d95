// Reads users and agencies and owns the credentials table. User records hold public fields only;
// password hashes live in credentials and never enter a record or an answer.
import type { Agency } from '../../../domain/schemas/agency';
import { agencySchema } from '../../../domain/schemas/agency';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';

export async function findUserByUsername(db: Queryable, username: string): Promise<User | null> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'user' AND data->>'username' = $1`,
    [username],
  );
  return rows[0] ? userSchema.parse(rows[0].data) : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'user' ORDER BY data->>'username'`,
  );
  return rows.map((r) => userSchema.parse(r.data));
}

export async function findAgency(db: Queryable, id: string): Promise<Agency | null> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'agency' AND id = $1::uuid`,
    [id],
  );
  return rows[0] ? agencySchema.parse(rows[0].data) : null;
}

export async function listAgencies(db: Queryable): Promise<Agency[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'agency' ORDER BY data->>'name'`,
  );
  return rows.map((r) => agencySchema.parse(r.data));
}

export async function passwordHashOf(db: Queryable, userId: string): Promise<string | null> {
  const rows = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM credentials WHERE user_id = $1::uuid',
    [userId],
  );
  return rows[0]?.password_hash ?? null;
}

export async function setPasswordHash(
  db: Queryable,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1::uuid, $2, $3::timestamptz)
     ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash,
       updated_at = excluded.updated_at`,
    [userId, passwordHash, now.toISOString()],
  );
}
