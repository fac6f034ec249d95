// The zip export of hazards: the hazards workbook, and beside it a folder per hazard holding its
// photos (photo-folders.ts), the workbook's last column linking to each folder by a relative path,
// so that the links still work wherever the zip is unpacked. Photos whose bytes are not on this
// device (made on another and never opened here) are counted in their cell, not left out silently.
// Each folder holds a note of its photos' evidence (photo-notes.ts).
// Packed with fflate, stored without compression: photos are JPEG already, the workbook a zip.
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../db/database';
import { photoBlobStoreFor } from '../../db/repositories/photo-blob-store';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import { findingExportLookups } from './export-lookups';
import { WORKBOOK_TITLE } from './export-vocabulary';
import { findingSheet } from './finding-sheet';
import { photoFileName, photoFolderName } from './photo-folders';
import { PHOTO_NOTE_FILE, photoNoteText } from './photo-notes';
import type { CellValue } from './sheet-spec';
import { buildWorkbook, workbookBytes } from './workbook';
import type { BuildOptions, ExcelJs } from './workbook';

export interface ArchiveOptions {
  /** Where the photos' bytes are read from; this device's store unless given. */
  store?: PhotoBlobStore;
  /** Called after each photo read, with how many of all the hazards' photos are done. */
  onPhotos?: (done: number, total: number) => void;
  /** Called as the workbook's rows are added. */
  onRows?: BuildOptions['onProgress'];
}

export interface FindingArchive {
  bytes: Uint8Array<ArrayBuffer>;
  /** Photos in the zip, and photos the hazards name whose bytes are not on this device. */
  photos: number;
  missing: number;
}

/** The workbook's name inside the zip. */
export const ARCHIVE_WORKBOOK = `${WORKBOOK_TITLE.hazards}.xlsx`;

/** The photo cell of a hazard: how many photos, linked to their folder when there are any. */
function photoCell(kept: number, named: number, folder: string): CellValue {
  if (named === 0) return '无';
  const text = kept === named ? `${kept} 张` : `${kept} 张（${named - kept} 张未下载到本机）`;
  return kept === 0 ? text : { text, hyperlink: folder };
}

/** Builds the zip of `findings` (in the order given) and their photos read from this device. */
export async function findingArchive(
  db: FieldInspectorDb,
  findings: readonly Finding[],
  today: string,
  ExcelJS: ExcelJs,
  { store = photoBlobStoreFor(db), onPhotos, onRows }: ArchiveOptions = {},
): Promise<FindingArchive> {
  const total = findings.reduce((n, f) => n + f.photos.length, 0);
  const files: Zippable = {};
  const cells = new Map<string, CellValue>();
  let done = 0;
  let missing = 0;
  for (const [index, finding] of findings.entries()) {
    const folder = photoFolderName(index, finding.title, findings.length);
    const kept: boolean[] = [];
    for (const [n, ref] of finding.photos.entries()) {
      const blob = await store.get(ref.sha256);
      if (blob) {
        files[`${folder}/${photoFileName(n, ref.mime)}`] = new Uint8Array(await blob.arrayBuffer());
      } else missing++;
      kept.push(blob !== undefined);
      onPhotos?.(++done, total);
    }
    const keptCount = kept.filter(Boolean).length;
    if (keptCount > 0) {
      files[`${folder}/${PHOTO_NOTE_FILE}`] = new TextEncoder().encode(
        photoNoteText(finding.title, finding.photos, kept),
      );
    }
    cells.set(finding.id, photoCell(keptCount, finding.photos.length, folder));
  }
  const lookups = await findingExportLookups(db, findings);
  const sheet = findingSheet(findings, lookups, today, (f) => cells.get(f.id) ?? null);
  const workbook = await buildWorkbook(ExcelJS, sheet, {
    ...(onRows ? { onProgress: onRows } : {}),
  });
  files[ARCHIVE_WORKBOOK] = await workbookBytes(workbook);
  const zipped = zipSync(files, { level: 0 });
  // fflate allocates the zip on an ArrayBuffer of its own: no copy of a large file is needed.
  return { bytes: zipped as Uint8Array<ArrayBuffer>, photos: done - missing, missing };
}
