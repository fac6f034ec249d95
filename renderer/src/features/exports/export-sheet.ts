// What an export holds and how its sheet is made: the records (hazards or inspections), the
// records they refer to read from this device, then the pure sheet builders.
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../../db/database';
import { findingExportLookups, inspectionExportLookups } from './export-lookups';
import { findingSheet } from './finding-sheet';
import { inspectionSheet } from './inspection-sheet';
import type { SheetData } from './sheet-spec';

export type ExportRequest =
  | { kind: 'hazards'; records: readonly Finding[] }
  | { kind: 'inspections'; records: readonly Inspection[] };

/** Rows to export, or a function that reads them when the export starts. */
export type ExportSource<T> = readonly T[] | (() => Promise<readonly T[]>);

export async function resolveSource<T>(source: ExportSource<T>): Promise<readonly T[]> {
  return typeof source === 'function' ? source() : source;
}

export async function exportSheet(
  db: FieldInspectorDb,
  request: ExportRequest,
  today: string,
): Promise<SheetData> {
  if (request.kind === 'hazards') {
    return findingSheet(request.records, await findingExportLookups(db, request.records), today);
  }
  return inspectionSheet(request.records, await inspectionExportLookups(db, request.records));
}
