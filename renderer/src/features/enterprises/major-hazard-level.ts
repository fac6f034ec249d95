// The major-hazard-source level of an enterprise, remembered per record version: the directory
// derives it for thousands of rows on every change, and a record's units only change with it.
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import type { MajorHazardLevel } from '../../../../domain/rules/gb18218';
import type { Enterprise } from '../../../../domain/schemas/enterprise';

const levels = new WeakMap<Enterprise, MajorHazardLevel | null>();

export function majorHazardLevelOf(enterprise: Enterprise): MajorHazardLevel | null {
  if (levels.has(enterprise)) return levels.get(enterprise) ?? null;
  let level: MajorHazardLevel | null;
  try {
    level = gradeEnterprise(enterprise).level;
  } catch {
    // A record the schema let through but the standard cannot grade counts as not graded.
    level = null;
  }
  levels.set(enterprise, level);
  return level;
}
