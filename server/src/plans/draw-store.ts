// Owns the draws table (migration 12): each draw's record and the inputs it was run on, never
// changed once stored. A redraw is a row of its own naming the one it replaces.
import type { DrawInput, DrawRecord } from '../../../domain/schemas/draw';
import { drawInputSchema, drawRecordSchema } from '../../../domain/schemas/draw';
import type { Queryable } from '../db/database';

export interface StoredDraw {
  record: DrawRecord;
  input: DrawInput;
}

/** Every draw of the agency (all years and periods, redrawn ones too). */
export async function agencyDraws(db: Queryable, agencyId: string): Promise<DrawRecord[]> {
  const rows = await db.query<{ record: unknown }>(
    'SELECT record FROM draws WHERE agency_id = $1::uuid ORDER BY drawn_at, id',
    [agencyId],
  );
  return rows.map((r) => drawRecordSchema.parse(r.record));
}

export async function readDraw(db: Queryable, id: string): Promise<StoredDraw | null> {
  const rows = await db.query<{ record: unknown; input: unknown }>(
    'SELECT record, input FROM draws WHERE id = $1::uuid',
    [id],
  );
  const row = rows[0];
  return row
    ? { record: drawRecordSchema.parse(row.record), input: drawInputSchema.parse(row.input) }
    : null;
}

/** The draw an idempotency key made, with the hash of the request that made it. */
export async function drawByKey(
  db: Queryable,
  agencyId: string,
  key: string,
): Promise<{ record: DrawRecord; requestHash: string } | null> {
  const rows = await db.query<{ record: unknown; request_hash: string }>(
    'SELECT record, request_hash FROM draws WHERE agency_id = $1::uuid AND idempotency_key = $2::uuid',
    [agencyId, key],
  );
  const row = rows[0];
  return row ? { record: drawRecordSchema.parse(row.record), requestHash: row.request_hash } : null;
}

export async function insertDraw(
  tx: Queryable,
  draw: StoredDraw,
  idempotencyKey: string,
  requestHash: string,
): Promise<void> {
  const { record } = draw;
  await tx.query(
    `INSERT INTO draws (id, agency_id, year, period_key, redraw_of, idempotency_key, request_hash,
       record, input, drawn_at)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::uuid, $7, $8::jsonb, $9::jsonb, $10::timestamptz)`,
    [
      record.id,
      record.agencyId,
      record.year,
      record.periodKey,
      record.redraw?.of ?? null,
      idempotencyKey,
      requestHash,
      JSON.stringify(record),
      JSON.stringify(draw.input),
      record.drawnAt,
    ],
  );
}
