// Owns the district row (migration 9): the district a server serves, set once by first-run
// setup, and the town records that make up its jurisdiction.
import type { District } from '../../../domain/schemas/district';
import type { TownRecord } from '../../../domain/schemas/town';
import { townSchema } from '../../../domain/schemas/town';
import type { Queryable } from '../db/database';

export async function readDistrict(db: Queryable): Promise<District | null> {
  const [row] = await db.query<{ name: string; code: string }>('SELECT name, code FROM district');
  return row ? { name: row.name, code: row.code } : null;
}

export async function saveDistrict(
  tx: Queryable,
  district: District,
  by: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO district (name, code, initialised_at, initialised_by)
     VALUES ($1, $2, $3::timestamptz, $4::uuid)`,
    [district.name, district.code, now.toISOString(), by],
  );
}

/** Every town record, deleted ones included, by code. */
export async function listTowns(db: Queryable): Promise<TownRecord[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'town' ORDER BY data->>'code'`,
  );
  return rows.map((r) => townSchema.parse(r.data));
}

/** The codes among `codes` that name no town the server holds (deleted towns count as none). */
export async function unknownTownCodes(db: Queryable, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.query<{ code: string }>(
    `SELECT data->>'code' AS code FROM records
     WHERE entity = 'town' AND deleted_at IS NULL
       AND data->>'code' IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify([...new Set(codes)])],
  );
  const known = new Set(rows.map((r) => r.code));
  return [...new Set(codes)].filter((c) => !known.has(c));
}
