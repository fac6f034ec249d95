// Owns the reference a user record makes to its agency. A user whose agencyId names no agency
// broke every read that shows the user with their agency (GET /me answered 500), so a push that
// would leave one is refused. Only a change of the agency is checked: users are written rarely,
// by administrators, and the check reads one row.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Queryable } from '../db/database';

/**
 * Refuses a user record whose agencyId (when the write sets it) names no agency that is not
 * deleted. `inBatch` gives an agency written earlier in the same batch, not stored yet.
 */
export async function checkUserAgency(
  tx: Queryable,
  after: Readonly<Record<string, unknown>>,
  changed: ReadonlySet<string>,
  inBatch: (id: string) => Readonly<Record<string, unknown>> | undefined,
): Promise<Refusal | null> {
  if (!changed.has('agencyId')) return null;
  const id = after.agencyId;
  if (typeof id !== 'string') return refusal('unknownAgency');
  const pending = inBatch(id);
  if (pending) return pending.deletedAt ? refusal('unknownAgency') : null;
  const [found] = await tx.query<{ found: number }>(
    `SELECT 1 AS found FROM records WHERE entity = 'agency' AND id = $1::uuid AND deleted_at IS NULL`,
    [id],
  );
  return found ? null : refusal('unknownAgency');
}
