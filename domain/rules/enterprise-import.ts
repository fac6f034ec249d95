// The preview of an enterprise import: every row of the sheet checked against the column rules,
// the rest of the file and the registry as it stands, and otherwise classed as creating, updating
// or leaving unchanged an enterprise matched by credit code. The same plan is what a confirmed
// import writes, so what the preview shows is what happens (or, with any bad row, nothing). An
// enterprise with rows on the 装置单元 sheet takes its units from them (enterprise-unit-rows.ts);
// any other keeps the 危险化学品 column's one-unit form.
import type { Gb18218Table } from '../data/gb18218-table';
import { defaultGb18218Table } from '../data/gb18218-table';
import type { Enterprise } from '../schemas/enterprise';
import { enterpriseInputFields, enterpriseSchema } from '../schemas/enterprise';
import { sameValue } from './inspection-changes';
import type { EnterpriseColumnKey, RowFields } from './enterprise-sheet';
import type { SheetCell, SheetProblem } from './sheet-columns';
import { isBlankRow, mapSheetColumns } from './sheet-columns';
import { ENTERPRISE_COLUMNS, readEnterpriseRow } from './enterprise-sheet';
import type { SheetUnits, UnitSheet } from './enterprise-unit-rows';
import { readUnitSheet } from './enterprise-unit-rows';
import { UNIT_SHEET } from './enterprise-unit-sheet';
import { unitsFromChemicals, unitsFromColumn } from './enterprise-units';
import { unitsFromSheet } from './enterprise-unit-merge';

export interface ImportSheet {
  headings: readonly SheetCell[];
  /** Data rows with their row numbers in the file (the heading row is row 1). */
  rows: readonly { row: number; cells: readonly SheetCell[] }[];
  /** The 装置单元 sheet, where the file has one (an .xlsx file). */
  units?: UnitSheet;
}

export interface ImportContext {
  /** Every enterprise of the registry, closed ones included. */
  existing: readonly Enterprise[];
  /** The town code a cell names (a town's name or its code); undefined when the district has none. */
  townCodeOf: (text: string) => string | undefined;
  /** An id for an enterprise the import creates. */
  newId: () => string;
  /** The GB 18218 table whose Table 1 the 装置单元 sheet names; the built-in one by default. */
  table?: Gb18218Table;
}

/** The fields of an enterprise that an import sets: what an administrator enters, and closure. */
export const ENTERPRISE_CONTENT_FIELDS = [
  ...enterpriseInputFields,
  'closure',
] as const satisfies readonly (keyof Enterprise)[];
export type EnterpriseContent = Pick<Enterprise, (typeof ENTERPRISE_CONTENT_FIELDS)[number]>;

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportRowResult {
  row: number;
  creditCode: string;
  name: string;
  action: ImportAction | 'invalid';
  /** For an update, the fields it changes. */
  changedFields: string[];
  problems: SheetProblem[];
}

export interface ImportWrite {
  action: 'create' | 'update';
  id: string;
  content: EnterpriseContent;
  /** The stored record an update replaces. */
  before?: Enterprise;
  /** For an update, the fields it changes. */
  changedFields: string[];
}

export interface ImportPlan {
  /**
   * Problems of the file as a whole (a missing or repeated column; rows are then not read), and
   * 装置单元 rows that belong to no row of the 企业名录 sheet.
   */
  fileProblems: SheetProblem[];
  /** Headings of columns the import does not know and leaves alone. */
  ignoredColumns: string[];
  rows: ImportRowResult[];
  counts: { rows: number; create: number; update: number; unchanged: number; invalid: number };
  /** Nothing bad anywhere: the import may be confirmed. */
  ok: boolean;
  /** What a confirmed import writes, in row order. */
  writes: ImportWrite[];
}

const DEFAULTS: Pick<EnterpriseContent, 'contacts' | 'trackMilestones' | 'closure'> = {
  contacts: [],
  trackMilestones: [],
  closure: null,
};

/** Which heading a record field's schema issue belongs to. */
function issueColumn(path: readonly PropertyKey[]): string | null {
  const [field, , sub] = path;
  const key: EnterpriseColumnKey | undefined =
    field === 'contacts'
      ? sub === 'phone'
        ? 'phones'
        : 'contacts'
      : field === 'trackMilestones'
        ? 'milestones'
        : field === 'closure'
          ? path[1] === 'mergedIntoId'
            ? 'mergedInto'
            : 'closedOn'
          : ENTERPRISE_COLUMNS.find((c) => c.key === field)?.key;
  return ENTERPRISE_COLUMNS.find((c) => c.key === key)?.heading ?? null;
}

interface ReadRow {
  row: number;
  fields: RowFields;
  problems: SheetProblem[];
  existing: Enterprise | undefined;
  id: string;
  /** Its rows on the 装置单元 sheet, if it has any. */
  sheetUnits: SheetUnits | undefined;
}

/** Checks every row and plans the import; writes nothing. */
export function planEnterpriseImport(sheet: ImportSheet, context: ImportContext): ImportPlan {
  const { index, fileProblems, ignoredColumns } = mapSheetColumns(
    sheet.headings,
    ENTERPRISE_COLUMNS,
  );
  const counts = { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0 };
  const table = context.table ?? defaultGb18218Table;
  const unitSheet = sheet.units ? readUnitSheet(sheet.units, table) : undefined;
  if (unitSheet) {
    fileProblems.push(...unitSheet.fileProblems);
    ignoredColumns.push(...unitSheet.ignoredColumns);
  }
  if (fileProblems.length > 0) {
    return { fileProblems, ignoredColumns, rows: [], counts, ok: false, writes: [] };
  }
  const byCode = new Map(context.existing.map((e) => [e.creditCode, e]));
  const byName = new Map(context.existing.map((e) => [e.name, e]));
  const read: ReadRow[] = [];
  for (const { row, cells } of sheet.rows) {
    if (isBlankRow(cells)) continue;
    const byKey = new Map<EnterpriseColumnKey, SheetCell>();
    for (const [key, i] of index) byKey.set(key, cells[i] ?? null);
    const { fields, problems } = readEnterpriseRow(byKey, context.townCodeOf);
    const existing = fields.creditCode === undefined ? undefined : byCode.get(fields.creditCode);
    const sheetUnits =
      fields.creditCode === undefined ? undefined : unitSheet?.byCode.get(fields.creditCode);
    read.push({ row, fields, problems, existing, id: existing?.id ?? context.newId(), sheetUnits });
  }
  fileProblems.push(...unitRowsWithoutEnterprise(unitSheet?.byCode, read));
  checkAgainstFile(read);
  checkAgainstRegistry(read, byName);
  const idOfCode = new Map(context.existing.map((e) => [e.creditCode, e.id]));
  for (const r of read) if (r.fields.creditCode) idOfCode.set(r.fields.creditCode, r.id);

  const rows: ImportRowResult[] = [];
  const writes: ImportWrite[] = [];
  for (const r of read) {
    const content = contentOf(r, idOfCode, table);
    const result: ImportRowResult = {
      row: r.row,
      creditCode: r.fields.creditCode ?? '',
      name: r.fields.name ?? '',
      action: 'invalid',
      changedFields: [],
      problems: r.problems,
    };
    rows.push(result);
    counts.rows += 1;
    if (r.problems.length > 0 || !content) {
      counts.invalid += 1;
      continue;
    }
    if (!r.existing) {
      result.action = 'create';
      writes.push({ action: 'create', id: r.id, content, changedFields: [] });
    } else {
      const before = r.existing;
      const changed = ENTERPRISE_CONTENT_FIELDS.filter(
        (f) => !sameValue(f === 'closure' ? (before.closure ?? null) : before[f], content[f]),
      );
      result.changedFields = changed;
      result.action = changed.length === 0 ? 'unchanged' : 'update';
      if (changed.length > 0) {
        writes.push({ action: 'update', id: r.id, content, before, changedFields: changed });
      }
    }
    counts[result.action] += 1;
  }
  const ok = counts.invalid === 0 && fileProblems.length === 0;
  return { fileProblems, ignoredColumns, rows, counts, ok, writes: ok ? writes : [] };
}

/**
 * 装置单元 rows of a credit code that no row of the 企业名录 sheet has (a mistyped code, or a code
 * whose own row is bad): the units of an enterprise are imported with its row, never alone.
 */
function unitRowsWithoutEnterprise(
  byCode: ReadonlyMap<string, SheetUnits> | undefined,
  read: readonly ReadRow[],
): SheetProblem[] {
  if (!byCode) return [];
  const codes = new Set(read.map((r) => r.fields.creditCode));
  return [...byCode].flatMap(([code, entry]) =>
    codes.has(code)
      ? []
      : entry.rows.map((row) => ({
          sheet: UNIT_SHEET,
          row,
          column: '统一社会信用代码',
          code: 'units.enterpriseNotInFile',
          params: { value: code },
        })),
  );
}

/** The same credit code on several rows: each names the others. */
function checkAgainstFile(read: ReadRow[]) {
  const rowsOfCode = new Map<string, number[]>();
  for (const r of read) {
    if (!r.fields.creditCode) continue;
    rowsOfCode.set(r.fields.creditCode, [...(rowsOfCode.get(r.fields.creditCode) ?? []), r.row]);
  }
  for (const r of read) {
    const same = r.fields.creditCode ? (rowsOfCode.get(r.fields.creditCode) ?? []) : [];
    if (same.length < 2) continue;
    r.problems.push({
      column: '统一社会信用代码',
      code: 'creditCode.duplicateInFile',
      params: {
        value: r.fields.creditCode ?? '',
        rows: same.filter((n) => n !== r.row).join(', '),
      },
    });
  }
}

/**
 * A row is another enterprise than the registry's of the same code when the names differ, and a
 * row whose name belongs to an enterprise of another code is most likely a mistyped code.
 */
function checkAgainstRegistry(read: ReadRow[], byName: ReadonlyMap<string, Enterprise>) {
  for (const r of read) {
    const name = r.fields.name;
    if (r.existing && name !== undefined && r.existing.name !== name) {
      r.problems.push({
        column: '企业名称',
        code: 'conflict.otherName',
        params: { creditCode: r.existing.creditCode, registered: r.existing.name, file: name },
      });
    }
    const namesake = name === undefined ? undefined : byName.get(name);
    if (!r.existing && namesake && r.fields.creditCode !== undefined) {
      r.problems.push({
        column: '统一社会信用代码',
        code: 'conflict.nameTaken',
        params: { name: namesake.name, registered: namesake.creditCode, file: r.fields.creditCode },
      });
    }
  }
}

/** The row's full content (stored values where the file has no column), checked by the schema. */
function contentOf(
  r: ReadRow,
  idOfCode: ReadonlyMap<string, string>,
  table: Gb18218Table,
): EnterpriseContent | null {
  const { closure: sheetClosure, chemicals, ...fields } = r.fields;
  let closure: EnterpriseContent['closure'];
  if (sheetClosure === undefined) closure = r.existing ? (r.existing.closure ?? null) : null;
  else if (sheetClosure === null) closure = null;
  else {
    const { mergedIntoCode, ...rest } = sheetClosure;
    if (mergedIntoCode === undefined) closure = rest;
    else {
      const target = idOfCode.get(mergedIntoCode);
      if (target === undefined || target === r.id) {
        r.problems.push({
          column: '并入企业统一社会信用代码',
          code: target === undefined ? 'closure.targetUnknown' : 'closure.targetSelf',
          params: { value: mergedIntoCode },
        });
        return null;
      }
      closure = { ...rest, mergedIntoId: target };
    }
  }
  // The column says one flat list: it sets the units only where that cannot merge several. The
  // 装置单元 sheet, where it has the enterprise's rows, says them all.
  const units = r.sheetUnits
    ? unitsFromSheet(r, chemicals, table)
    : chemicals === undefined
      ? (r.existing?.units ?? unitsFromChemicals([]))
      : unitsFromColumn(r.existing, chemicals);
  if (units === null && !r.sheetUnits) {
    r.problems.push({
      column: '危险化学品',
      code: 'chemicals.unitsOnForm',
      params: { units: r.existing?.units.length ?? 0 },
    });
  }
  if (r.problems.length > 0) return null;
  const base = r.existing ?? DEFAULTS;
  const candidate = {
    id: r.id,
    version: 0,
    updatedAt: '2000-01-01T00:00:00.000Z',
    deletedAt: null,
    createdBy: r.id,
    contacts: base.contacts,
    units,
    trackMilestones: base.trackMilestones,
    ...fields,
    closure,
  };
  const parsed = enterpriseSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      r.problems.push({
        column: issueColumn(issue.path),
        code: issue.message,
        params: { field: issue.path.map(String).join('.') },
      });
    }
    return null;
  }
  const content = Object.fromEntries(
    ENTERPRISE_CONTENT_FIELDS.map((f) => [f, parsed.data[f] ?? null]),
  ) as EnterpriseContent;
  return content;
}
