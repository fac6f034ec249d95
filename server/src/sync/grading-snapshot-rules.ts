// Owns the server's check of an inspection's grading snapshot (domain/schemas/grading-snapshot.ts):
// made with the submission and never changed afterwards, naming a GB 18218 table version the
// server holds (the shipped table or a published edition), and stating the levels its units give when graded again with that table. An
// inspection without one (older devices, older records) is left alone.
import type { Gb18218Table } from '../../../domain/data/gb18218-table';
import { snapshotProblem } from '../../../domain/rules/grading-snapshot';
import type { Inspection } from '../../../domain/schemas/inspection';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';

export function checkGradingSnapshot(
  before: Inspection | undefined,
  after: Inspection,
  changed: ReadonlySet<string>,
  editions: readonly Gb18218Table[] = [],
): Refusal | null {
  if (!changed.has('gradingSnapshot')) return null;
  // Made in the submission's own write: not on a draft, not added, changed or dropped later.
  if (before?.status === 'submitted' || after.status !== 'submitted') {
    return refusal('gradingSnapshotFixed');
  }
  const snapshot = after.gradingSnapshot;
  if (!snapshot) return null;
  const problem = snapshotProblem(snapshot, editions);
  if (problem === 'unknownVersion') {
    return refusal('gradingVersionUnknown', { version: snapshot.tableVersion.id });
  }
  return problem === 'mismatch' ? refusal('gradingMismatch') : null;
}
