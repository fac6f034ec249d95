// Reads the two lists a draw is run on from the server's records as they are at that moment: the
// inspection-target list (检查对象名录库: every enterprise with its risk class, computed from its
// hazards, inspections and track) and the officer list (执法检查人员名录库: inspectors with a
// certificate, its expiry and their leave). A class is the supervisor's override when one is in
// force (risk-override-store.ts).
import { officerList } from '../../../domain/rules/officer-list';
import { assessRisk } from '../../../domain/rules/risk-class';
import { drawTargets, targetList } from '../../../domain/rules/target-list';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { Finding } from '../../../domain/schemas/finding';
import type { Inspection } from '../../../domain/schemas/inspection';
import type { OfficerEntry } from '../../../domain/schemas/officer';
import type { TargetListRow } from '../../../domain/rules/target-list';
import type { RiskOverride, TargetEntry } from '../../../domain/schemas/risk';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { currentGb18218Table } from '../reference/gb18218-editions';
import { overridesInForce } from './risk-override-store';

async function liveData<T>(tx: Queryable, entity: string): Promise<T[]> {
  const rows = await tx.query<{ data: T }>(
    'SELECT data FROM records WHERE entity = $1 AND deleted_at IS NULL ORDER BY id',
    [entity],
  );
  return rows.map((r) => r.data);
}

const groupBy = <T>(list: readonly T[], key: (x: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const x of list) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  return groups;
};

/**
 * The agency's target list on `today` (China date) with the enterprises it was computed from:
 * every enterprise of the registry that `include` keeps, its computed class and the supervisor's
 * override in force.
 */
export async function targetRowsNow(
  tx: Queryable,
  agencyId: string,
  today: string,
  include: (e: Enterprise) => boolean = () => true,
): Promise<{ rows: TargetListRow<RiskOverride>[]; enterprises: Map<string, Enterprise> }> {
  const enterprises = (await liveData<Enterprise>(tx, 'enterprise')).filter(include);
  const findings = groupBy(await liveData<Finding>(tx, 'finding'), (f) => f.enterpriseId);
  const inspections = groupBy(await liveData<Inspection>(tx, 'inspection'), (i) => i.enterpriseId);
  // Classes are graded with the edition in force, as every device grades once it has pulled it.
  const table = await currentGb18218Table(tx);
  const assessments = enterprises.map((e) =>
    assessRisk(e, findings.get(e.id) ?? [], inspections.get(e.id) ?? [], today, table),
  );
  const rows = targetList(agencyId, assessments, await overridesInForce(tx, agencyId));
  return { rows, enterprises: new Map(enterprises.map((e) => [e.id, e])) };
}

/** The agency's target list on `today` as a draw reads it: each class the one in force. */
export async function targetListNow(
  tx: Queryable,
  agencyId: string,
  today: string,
): Promise<TargetEntry[]> {
  return drawTargets((await targetRowsNow(tx, agencyId, today)).rows);
}

/** The officer list of the agencies: their inspectors with a certificate and its expiry. */
export async function officerListNow(
  tx: Queryable,
  agencyIds: readonly string[],
): Promise<OfficerEntry[]> {
  const users = (await liveData<unknown>(tx, 'user')).map((u): User => userSchema.parse(u));
  return officerList(users.filter((u) => agencyIds.includes(u.agencyId)));
}
