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
 * The table a snapshot's version names among the shipped table and the published `editions`
 * given, or undefined when none is it. The version must match in full, not by id alone.
 */
export function snapshotTable(
  version: GradingSnapshot['tableVersion'],
  editions: readonly Gb18218Table[] = [],
): Gb18218Table | undefined {
  return [defaultGb18218Table, ...editions].find(
    ({ version: v }) =>
      v.id === version.id &&
      v.label === version.label &&
      v.revision === version.revision &&
      v.basedOn === version.basedOn,
  );
}

/** The enterprise's grading as it stands, to be kept with the inspection submitted `at`. */
export function buildGradingSnapshot(
  enterprise: Pick<Enterprise, 'units' | 'peopleWithin500m'>,
  at: string,
  table: Gb18218Table,
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
export function regradeSnapshot(
  snapshot: GradingSnapshot,
  editions: readonly Gb18218Table[] = [],
): EnterpriseGrading | undefined {
  const table = snapshotTable(snapshot.tableVersion, editions);
  return table ? gradeEnterprise(snapshot, table) : undefined;
}

export type SnapshotProblem = 'unknownVersion' | 'mismatch';

/**
 * What is wrong with a snapshot: a table version neither shipped nor among `editions`, or a stated level
 * (of a unit or of the enterprise) that its units, graded again, do not give.
 */
export function snapshotProblem(
  snapshot: GradingSnapshot,
  editions: readonly Gb18218Table[] = [],
): SnapshotProblem | null {
  const grading = regradeSnapshot(snapshot, editions);
  if (!grading) return 'unknownVersion';
  const unitsAgree =
    grading.units.length === snapshot.unitLevels.length &&
    grading.units.every((u, i) => u.level === snapshot.unitLevels[i]);
  return unitsAgree && grading.level === snapshot.level ? null : 'mismatch';
}
