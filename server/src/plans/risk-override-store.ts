// Owns the risk_overrides table: supervisors' overrides of enterprises' risk classes in their
// agency's target list, each row the override's domain JSON and, once withdrawn or replaced,
// when and by whom.
import type { RiskOverride } from '../../../domain/schemas/risk';
import { riskOverrideSchema } from '../../../domain/schemas/risk';
import type { Queryable } from '../db/database';

export interface StoredOverride {
  override: RiskOverride;
  withdrawnBy: string | null;
}

const fromRows = (rows: { data: unknown; withdrawn_by: string | null }[]): StoredOverride[] =>
  rows.map((r) => ({ override: riskOverrideSchema.parse(r.data), withdrawnBy: r.withdrawn_by }));

/** The overrides in force in the agency's list (at most one per enterprise). */
export async function overridesInForce(tx: Queryable, agencyId: string): Promise<RiskOverride[]> {
  const rows = await tx.query<{ data: unknown }>(
    `SELECT data FROM risk_overrides WHERE agency_id = $1::uuid AND withdrawn_at IS NULL
     ORDER BY id`,
    [agencyId],
  );
  return rows.map((r) => riskOverrideSchema.parse(r.data));
}

/** Every override of the agency's list, in force, withdrawn and replaced, oldest first. */
export async function agencyOverrides(tx: Queryable, agencyId: string): Promise<StoredOverride[]> {
  return fromRows(
    await tx.query<{ data: unknown; withdrawn_by: string | null }>(
      `SELECT data, withdrawn_by::text AS withdrawn_by FROM risk_overrides
       WHERE agency_id = $1::uuid ORDER BY id`,
      [agencyId],
    ),
  );
}

/** One override, locked for the transaction's change, or null. */
export async function lockOverride(tx: Queryable, id: string): Promise<StoredOverride | null> {
  const rows = await tx.query<{ data: unknown; withdrawn_by: string | null }>(
    `SELECT data, withdrawn_by::text AS withdrawn_by FROM risk_overrides
     WHERE id = $1::uuid FOR UPDATE`,
    [id],
  );
  return fromRows(rows)[0] ?? null;
}

export async function insertOverride(tx: Queryable, override: RiskOverride): Promise<void> {
  await tx.query(
    `INSERT INTO risk_overrides (id, agency_id, enterprise_id, data)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::jsonb)`,
    [override.id, override.agencyId, override.enterpriseId, JSON.stringify(override)],
  );
}

/** Stores the withdrawn record (its deletedAt set) with who withdrew it. */
export async function markWithdrawn(
  tx: Queryable,
  withdrawn: RiskOverride,
  by: string,
): Promise<void> {
  await tx.query(
    `UPDATE risk_overrides SET data = $2::jsonb, withdrawn_at = $3::timestamptz,
       withdrawn_by = $4::uuid
     WHERE id = $1::uuid`,
    [withdrawn.id, JSON.stringify(withdrawn), withdrawn.deletedAt, by],
  );
}
