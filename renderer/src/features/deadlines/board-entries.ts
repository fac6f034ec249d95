// The deadline board's entries as plain data, and how a set of changed records moves them: a
// finding's entry follows the finding, its town follows its enterprise, its agencies follow its
// inspection. Pure, so that the index (board-index.ts) can make them from scratch or update them
// with the few records a write touched.
import { compareByDeadline } from '../../../../domain/rules/deadline-board';
import type { BoardEntry } from '../../../../domain/rules/deadline-board';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';

export interface BoardIndex {
  /** Live findings, earliest deadline first (compareByDeadline). */
  entries: BoardEntry[];
  enterpriseNames: Map<string, string>;
  /** What the entries are made from, kept to update them without reading everything again. */
  towns: Map<string, string>;
  agencies: Map<string, readonly string[]>;
  inspectionOf: Map<string, string>;
}

/** Records read back after a write: undefined where the record is gone. */
export interface BoardChanges {
  findings: Map<string, Finding | undefined>;
  enterprises: Map<string, Enterprise | undefined>;
  inspections: Map<string, Inspection | undefined>;
}

export const emptyBoardIndex = (): BoardIndex => ({
  entries: [],
  enterpriseNames: new Map(),
  towns: new Map(),
  agencies: new Map(),
  inspectionOf: new Map(),
});

/** Two lists sorted by compareByDeadline, as one. */
function merge(a: readonly BoardEntry[], b: readonly BoardEntry[]): BoardEntry[] {
  const out: BoardEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compareByDeadline(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** `old` with `changes` applied; `old` itself is left as it was (queries may still read it). */
export function applyBoardChanges(old: BoardIndex, changes: BoardChanges): BoardIndex {
  const towns = new Map(old.towns);
  const enterpriseNames = new Map(old.enterpriseNames);
  for (const [id, enterprise] of changes.enterprises) {
    if (enterprise) {
      towns.set(id, enterprise.town);
      enterpriseNames.set(id, enterprise.name);
    } else {
      towns.delete(id);
      enterpriseNames.delete(id);
    }
  }
  const agencies = new Map(old.agencies);
  for (const [id, inspection] of changes.inspections) {
    if (inspection) agencies.set(id, inspection.agencyIds);
    else agencies.delete(id);
  }
  const inspectionOf = new Map(old.inspectionOf);
  /** Where an entry stands: its enterprise's town and its inspection's agencies. */
  const placeOf = (enterpriseId: string, inspectionId: string | undefined) => ({
    town: towns.get(enterpriseId) ?? null,
    agencyIds: (inspectionId === undefined ? undefined : agencies.get(inspectionId)) ?? [],
  });
  const entryOf = (f: Finding): BoardEntry => ({
    id: f.id,
    status: f.status,
    deadline: f.deadline,
    grade: f.grade,
    category: f.category,
    enterpriseId: f.enterpriseId,
    ...placeOf(f.enterpriseId, f.inspectionId),
  });

  const kept: BoardEntry[] = [];
  for (const entry of old.entries) {
    if (changes.findings.has(entry.id)) continue;
    const inspectionId = inspectionOf.get(entry.id);
    const moved =
      changes.enterprises.has(entry.enterpriseId) ||
      (inspectionId !== undefined && changes.inspections.has(inspectionId));
    kept.push(moved ? { ...entry, ...placeOf(entry.enterpriseId, inspectionId) } : entry);
  }
  const added: BoardEntry[] = [];
  for (const [id, finding] of changes.findings) {
    if (finding && finding.deletedAt === null) {
      inspectionOf.set(id, finding.inspectionId);
      added.push(entryOf(finding));
    } else {
      inspectionOf.delete(id);
    }
  }
  added.sort(compareByDeadline);
  return { entries: merge(kept, added), enterpriseNames, towns, agencies, inspectionOf };
}

/** The index made from every finding, enterprise and inspection. */
export function makeBoardIndex(
  findings: readonly Finding[],
  enterprises: readonly Enterprise[],
  inspections: readonly Inspection[],
): BoardIndex {
  return applyBoardChanges(emptyBoardIndex(), {
    findings: new Map(findings.map((f) => [f.id, f])),
    enterprises: new Map(enterprises.map((e) => [e.id, e])),
    inspections: new Map(inspections.map((i) => [i.id, i])),
  });
}
