// Importing the enterprise registry from a bureau's .xlsx or .csv file: the preview (the plan of
// domain/rules/enterprise-import.ts against the registry as stored; nothing written) and the
// confirmed import, which plans again inside its transaction and writes nothing if any row is
// bad, else upserts every created or changed enterprise by credit code through the record store
// (new versions, so devices pull them; a history row each) with one audit entry summing it up.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { ImportPlan, ImportSheet } from '../../../domain/rules/enterprise-import';
import type { SheetProblem } from '../../../domain/rules/sheet-columns';
import { planEnterpriseImport } from '../../../domain/rules/enterprise-import';
import { UNIT_SHEET } from '../../../domain/rules/enterprise-unit-sheet';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { currentGb18218Table } from '../reference/gb18218-editions';
import { ApiError } from '../http/api-error';
import { appendHistory } from '../sync/history';
import { writeRecords } from '../sync/record-store';
import { recordAdminAction } from './audit-log';
import { districtTowns } from './district-towns';
import { loadRegistry } from './enterprise-registry';
import { problemMessage } from './import-messages';
import { decodeCsv, parseCsv } from './sheet-csv';
import { looksLikeXlsx, readWorkbookRows } from './sheet-workbook';

/**
 * The worksheet the template and the export name; an import reads it, or the first sheet, and
 * the enterprises' units from the 装置单元 sheet where the workbook has one.
 */
export const REGISTRY_SHEET = '企业名录';

/** The file's heading row and data rows, whichever of .xlsx or .csv it is. */
export async function readImportFile(bytes: Uint8Array): Promise<ImportSheet> {
  if (bytes.length === 0) throw new ApiError(400, 'empty_file', 'The file is empty.');
  let rows: { row: number; cells: (string | number | null)[] }[];
  let unitRows: typeof rows | null = null;
  if (looksLikeXlsx(bytes)) {
    try {
      ({ rows, further: unitRows } = await readWorkbookRows(bytes, REGISTRY_SHEET, UNIT_SHEET));
    } catch {
      throw new ApiError(400, 'unreadable_file', 'The file is not a readable .xlsx workbook.');
    }
  } else {
    rows = parseCsv(decodeCsv(bytes)).map((cells, i) => ({ row: i + 1, cells }));
  }
  const [heading, ...data] = rows;
  if (!heading) throw new ApiError(400, 'empty_file', 'The file has no heading row.');
  // A 装置单元 sheet with nothing on it says nothing: every enterprise keeps the column's form.
  const [unitHeading, ...unitData] = unitRows ?? [];
  return {
    headings: heading.cells,
    rows: data,
    ...(unitHeading ? { units: { headings: unitHeading.cells, rows: unitData } } : {}),
  };
}

async function plan(db: Queryable, sheet: ImportSheet): Promise<ImportPlan> {
  const [existing, towns, table] = await Promise.all([
    loadRegistry(db),
    districtTowns(db),
    // The 装置单元 sheet names Table 1 rows as the edition in force holds them.
    currentGb18218Table(db),
  ]);
  return planEnterpriseImport(sheet, { existing, townCodeOf: towns.codeOf, newId: uuidv7, table });
}

/** A problem as the API answers it: with a readable message. */
export type ExplainedProblem = SheetProblem & { message: string };

/**
 * What the preview and a refused import answer: the plan without what it would write, every
 * problem with its message.
 */
export type ImportPreview = Omit<ImportPlan, 'writes' | 'fileProblems' | 'rows'> & {
  fileProblems: ExplainedProblem[];
  rows: (Omit<ImportPlan['rows'][number], 'problems'> & { problems: ExplainedProblem[] })[];
};

const explain = (problem: SheetProblem): ExplainedProblem => ({
  ...problem,
  message: problemMessage(problem),
});

function previewOf({ writes: _writes, fileProblems, rows, ...rest }: ImportPlan): ImportPreview {
  return {
    ...rest,
    fileProblems: fileProblems.map(explain),
    rows: rows.map((r) => ({ ...r, problems: r.problems.map(explain) })),
  };
}

export async function previewImport(db: Queryable, bytes: Uint8Array): Promise<ImportPreview> {
  return previewOf(await plan(db, await readImportFile(bytes)));
}

export type ImportOutcome =
  { imported: true; preview: ImportPreview } | { imported: false; preview: ImportPreview };

export async function confirmImport(
  db: Database,
  admin: User,
  bytes: Uint8Array,
  now: Date,
): Promise<ImportOutcome> {
  const sheet = await readImportFile(bytes);
  return db.transaction(async (tx) => {
    // The global lock first, as every writer takes it: the registry read below stays current.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    const planned = await plan(tx, sheet);
    if (!planned.ok) return { imported: false, preview: previewOf(planned) };
    const at = now.toISOString();
    const records = planned.writes.map((w): Enterprise => ({
      ...(w.before ?? { id: w.id, deletedAt: null, createdBy: admin.id }),
      ...w.content,
      id: w.id,
      version: 0,
      updatedAt: at,
    }));
    const written = await writeRecords(
      tx,
      records.map((data) => ({ entity: 'enterprise' as const, data })),
    );
    await appendHistory(
      tx,
      planned.writes.map((w, i) => {
        const pick = (source: Record<string, unknown>, fields: readonly string[]) =>
          Object.fromEntries(fields.map((f) => [f, source[f] ?? null]));
        const fields = w.changedFields;
        return {
          entity: 'enterprise' as const,
          id: w.id,
          version: written[i]?.version ?? 0,
          userId: admin.id,
          deviceId: null,
          mid: null,
          at,
          before: w.before ? pick(w.before, fields) : null,
          after: w.before ? pick(w.content, fields) : null,
        };
      }),
    );
    const codes = (action: 'create' | 'update') =>
      planned.writes.filter((w) => w.action === action).map((w) => w.content.creditCode);
    await recordAdminAction(
      tx,
      {
        actorId: admin.id,
        action: 'enterprises.import',
        targetKind: 'import',
        targetId: createHash('sha256').update(bytes).digest('hex'),
        after: {
          bytes: bytes.length,
          counts: planned.counts,
          created: codes('create'),
          updated: codes('update'),
        },
      },
      now,
    );
    return { imported: true, preview: previewOf(planned) };
  });
}
