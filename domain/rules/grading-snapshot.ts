// Makes and checks an inspection's grading snapshot (schemas/grading-snapshot.ts): the device
// grades the enterprise's units as it holds them at submission; the server and the printed
// record grade the snapshot's units again with the table version it names.
import type { Gb18218Table } from '../data/gb18218-table';
import { defaultGb18218Table } from '../data/gb18218-table';
import type { Enterprise } from '../schemas/enterprise';
import type { GradingSnapshot } from '../schemas/grading-snapshot';
import { gradeEnterprise } from './gb18218-unit';
import type { EnterpriseGrading } from './gb18218-working';

/**
 * The table a snapshot's version names, or undefined when this build does not hold it. Only the
 * shipped table exists today; the version must match it in full, not by id alone.
 */
export function gb18218TableOf(version: GradingSnapshot['tableVersion']): Gb18218Table | undefined {
  const shipped = defaultGb18218Table;
  const same =
    version.id === shipped.version.id &&
    version.label === shipped.version.label &&
    version.revision === shipped.version.revision &&
    version.basedOn === shipped.version.basedOn;
  return same ? shipped : undefined;
}

/** The enterprise's grading as it stands, to be kept with the inspection submitted `at`. */
export function buildGradingSnapshot(
  enterprise: Pick<Enterprise, 'units' | 'peopleWithin500m'>,
  at: string,
  table: Gb18218Table = defaultGb18218Table,
): GradingSnapshot {
  const grading = gradeEnterprise(enterprise, table);
  return {
    at,
    tableVersion: table.version,
    peopleWithin500m: enterprise.peopleWithin500m,
    units: structuredClone([...enterprise.units]),
    unitLevels: grading.units.map((u) => u.level),
    level: grading.level,
  };
}

/** The snapshot's units graded again with its table; undefined when the table is unknown. */
export function regradeSnapshot(snapshot: GradingSnapshot): EnterpriseGrading | undefined {
  const table = gb18218TableOf(snapshot.tableVersion);
  return table ? gradeEnterprise(snapshot, table) : undefined;
}

export type SnapshotProblem = 'unknownVersion' | 'mismatch';

/**
 * What is wrong with a snapshot: a table version this build does not hold, or a stated level
 * (of a unit or of the enterprise) that its units, graded again, do not give.
 */
export function snapshotProblem(snapshot: GradingSnapshot): SnapshotProblem | null {
  const grading = regradeSnapshot(snapshot);
  if (!grading) return 'unknownVersion';
  const unitsAgree =
    grading.units.length === snapshot.unitLevels.length &&
    grading.units.every((u, i) => u.level === snapshot.unitLevels[i]);
  return unitsAgree && grading.level === snapshot.level ? null : 'mismatch';
}
