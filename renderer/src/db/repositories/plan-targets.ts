// Reads the inspection-target list as this device can make it (its enterprises, hazards and
// inspections, every class computed as the server computes it), for previewing what a plan asks
// month by month. The draw itself always runs on the server's list.
import { assessRisk } from '../../../../domain/rules/risk-class';
import { drawTargets, targetList } from '../../../../domain/rules/target-list';
import type { TargetEntry } from '../../../../domain/schemas/risk';
import type { FieldInspectorDb } from '../database';
import { gb18218TableOf } from './gb18218-editions';

export async function localTargets(
  db: FieldInspectorDb,
  agencyId: string,
  today: string,
): Promise<TargetEntry[]> {
  const [enterprises, findings, inspections, table] = await Promise.all([
    db.enterprises.toArray(),
    db.findings.toArray(),
    db.inspections.toArray(),
    gb18218TableOf(db),
  ]);
  const live = <T extends { deletedAt: string | null }>(list: T[]) =>
    list.filter((x) => x.deletedAt === null);
  const assessments = live(enterprises).map((e) =>
    assessRisk(
      e,
      live(findings).filter((f) => f.enterpriseId === e.id),
      live(inspections).filter((i) => i.enterpriseId === e.id),
      today,
      table,
    ),
  );
  return drawTargets(targetList(agencyId, assessments, []));
}
