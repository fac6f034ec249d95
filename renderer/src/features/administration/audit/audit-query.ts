// The audit log's filters as the form holds them, turned into the API's query: a day range is
// China's calendar days, from the first to the last instant of each.
import type { AuditQuery } from '../../../../../domain/schemas/admin';
import { auditQuerySchema } from '../../../../../domain/schemas/admin';

export type AuditFilters = Record<'actorId' | 'targetKind' | 'from' | 'to', string>;

export function auditQueryOf(filters: AuditFilters): AuditQuery {
  return auditQuerySchema.parse({
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.targetKind ? { targetKind: filters.targetKind } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00.000+08:00` } : {}),
    ...(filters.to ? { to: `${filters.to}T23:59:59.999+08:00` } : {}),
  });
}
