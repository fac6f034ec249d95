// The enterprise registry as administration reads it: every stored enterprise, parsed.
import type { Enterprise } from '../../../domain/schemas/enterprise';
import { enterpriseSchema } from '../../../domain/schemas/enterprise';
import type { Queryable } from '../db/database';

/** Every enterprise record, deleted ones included, by credit code. */
export async function loadRegistry(db: Queryable): Promise<Enterprise[]> {
  const rows = await db.query<{ data: unknown }>(
    "SELECT data FROM records WHERE entity = 'enterprise' ORDER BY data->>'creditCode'",
  );
  return rows.map((r) => enterpriseSchema.parse(r.data));
}
