// Owns the plans table (migration 12): each version of an agency's annual plan as its domain
// record. Plans are held on the server only: supervisors write them through /plans.
import type { Plan } from '../../../domain/schemas/plan';
import { planSchema } from '../../../domain/schemas/plan';
import type { Queryable } from '../db/database';

/** Serialises the writes of one agency's plans and draws (the lock is the transaction's). */
export async function lockAgency(tx: Queryable, agencyId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('plans:' || $1))`, [agencyId]);
}

export async function readPlan(db: Queryable, id: string): Promise<Plan | null> {
  const rows = await db.query<{ data: unknown }>('SELECT data FROM plans WHERE id = $1::uuid', [
    id,
  ]);
  return rows[0] ? planSchema.parse(rows[0].data) : null;
}

/** Every version of the agency's plan for the year, by revision. */
export async function planVersions(db: Queryable, agencyId: string, year: number): Promise<Plan[]> {
  const rows = await db.query<{ data: unknown }>(
    'SELECT data FROM plans WHERE agency_id = $1::uuid AND year = $2 ORDER BY revision',
    [agencyId, year],
  );
  return rows.map((r) => planSchema.parse(r.data));
}

/** The agency's plan versions of every year, newest year first. */
export async function agencyPlans(db: Queryable, agencyId: string): Promise<Plan[]> {
  const rows = await db.query<{ data: unknown }>(
    'SELECT data FROM plans WHERE agency_id = $1::uuid ORDER BY year DESC, revision',
    [agencyId],
  );
  return rows.map((r) => planSchema.parse(r.data));
}

/** Inserts a new version or replaces a stored one (the caller has checked the change). */
export async function storePlan(tx: Queryable, plan: Plan): Promise<void> {
  await tx.query(
    `INSERT INTO plans (id, agency_id, year, revision, status, data)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data`,
    [plan.id, plan.agencyId, plan.year, plan.revision, plan.status, JSON.stringify(plan)],
  );
}
