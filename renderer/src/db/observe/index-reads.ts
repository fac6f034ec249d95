// The reads behind the in-memory indexes that the hazard list and the deadline board keep
// (features/findings/finding-index.ts, features/deadlines/board-index.ts): each in a read
// transaction of its own, also when called inside a caller's transaction, because an index is
// shared by every caller and no caller's transaction may own its reads.
import Dexie from 'dexie';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../database';

/** Every finding (earliest deadline first) and every enterprise: a hazard list index from scratch. */
export function readFindingIndexSource(db: FieldInspectorDb): Promise<[Finding[], Enterprise[]]> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('r', db.findings, db.enterprises, () =>
      Promise.all([db.findings.orderBy('deadline').toArray(), db.enterprises.toArray()]),
    ),
  );
}

/** The findings and enterprises with these ids, in order; deleted from the table: undefined. */
export function readFindingIndexChanges(
  db: FieldInspectorDb,
  findingIds: string[],
  enterpriseIds: string[],
): Promise<[(Finding | undefined)[], (Enterprise | undefined)[]]> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('r', db.findings, db.enterprises, () =>
      Promise.all([db.findings.bulkGet(findingIds), db.enterprises.bulkGet(enterpriseIds)]),
    ),
  );
}

/** Every finding, enterprise and inspection: the deadline board's index from scratch. */
export function readBoardIndexSource(
  db: FieldInspectorDb,
): Promise<[Finding[], Enterprise[], Inspection[]]> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('r', db.findings, db.enterprises, db.inspections, () =>
      Promise.all([db.findings.toArray(), db.enterprises.toArray(), db.inspections.toArray()]),
    ),
  );
}

/** The findings, enterprises and inspections with these ids, in order; gone ones undefined. */
export function readBoardIndexChanges(
  db: FieldInspectorDb,
  ids: { findings: string[]; enterprises: string[]; inspections: string[] },
): Promise<[(Finding | undefined)[], (Enterprise | undefined)[], (Inspection | undefined)[]]> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('r', db.findings, db.enterprises, db.inspections, () =>
      Promise.all([
        db.findings.bulkGet(ids.findings),
        db.enterprises.bulkGet(ids.enterprises),
        db.inspections.bulkGet(ids.inspections),
      ]),
    ),
  );
}
