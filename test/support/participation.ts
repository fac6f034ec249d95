// What the demo district shows a user through the inspections they take part in (as lead or
// co-inspector), wherever those are: the inspections, their findings and their enterprises.
import type { Inspection } from '../../domain/schemas/inspection';
import type { DemoDistrict } from '../../server/src/seed/demo-district';

export const takesPart = (inspection: Inspection, userId: string) =>
  inspection.leadInspectorId === userId || inspection.coInspectorIds.includes(userId);

/** Keys (entity/id) of the records the user sees by taking part in inspections. */
export function participationKeys(district: DemoDistrict, userId: string): Set<string> {
  const keys = new Set<string>();
  for (const inspection of district.inspections.filter((i) => takesPart(i, userId))) {
    keys.add(`inspection/${inspection.id}`);
    keys.add(`enterprise/${inspection.enterpriseId}`);
    for (const f of district.findings.filter((x) => x.inspectionId === inspection.id)) {
      keys.add(`finding/${f.id}`);
    }
  }
  return keys;
}
