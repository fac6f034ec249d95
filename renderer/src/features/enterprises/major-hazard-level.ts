// The major-hazard-source level of an enterprise, remembered per record version and table edition:
// the directory derives it for thousands of rows on every change, and a record's units only change
// with it (a newly pulled edition is a new table object, so every level is graded again).
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import type { MajorHazardLevel } from '../../../../domain/rules/gb18218';
import type { Enterprise } from '../../../../domain/schemas/enterprise';

const byTable = new WeakMap<Gb18218Table, WeakMap<Enterprise, MajorHazardLevel | null>>();

export function majorHazardLevelOf(
  enterprise: Enterprise,
  table: Gb18218Table,
): MajorHazardLevel | null {
  let levels = byTable.get(table);
  if (!levels) {
    levels = new WeakMap();
    byTable.set(table, levels);
  }
  if (levels.has(enterprise)) return levels.get(enterprise) ?? null;
  let level: MajorHazardLevel | null;
  try {
    level = gradeEnterprise(enterprise, table).level;
  } catch {
    // A record the schema let through but the standard cannot grade counts as not graded.
    level = null;
  }
  levels.set(enterprise, level);
  return level;
}
