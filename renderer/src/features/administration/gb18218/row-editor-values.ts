// The row editor's form values and the table rows they stand for: a Table 1 row (name, aliases,
// CAS, variant, critical quantity, how its β is found) or a Table 2 row (names and critical
// quantity), each with the note of the document it relies on. A row an administrator saves is
// theirs (source `administrator`); its `change` is only a placeholder the server replaces with
// the publisher, its own time and the edition's reason.
import type { z } from 'zod';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type {
  BetaRule,
  RowChange,
  Table1Row,
  Table2Row,
} from '../../../../../domain/data/gb18218-table-schema';
import { table1RowSchema, table2RowSchema } from '../../../../../domain/data/gb18218-table-schema';

export type BetaRuleKind = BetaRule['rule'];

export interface Table1Values {
  nameZh: string;
  nameEn: string;
  /** Other Chinese names, separated by 、 , ， or ; */
  aliasesZh: string;
  /** Empty where the standard gives no CAS. */
  cas: string;
  variant: string;
  /** Tonnes, as typed. */
  Q: string;
  betaRule: BetaRuleKind;
  betaGas: string;
  betaCode: string;
  basisZh: string;
  basisEn: string;
  /** The document the row relies on (source note). */
  reference: string;
  /** Drop the row's notes of values not yet checked against the printed standard. */
  clearFlags: boolean;
}

export interface Table2Values {
  nameZh: string;
  nameEn: string;
  Q: string;
  reference: string;
  clearFlags: boolean;
}

/** Where a field of the form is in the row, for marking a problem at its field. */
const FIELD_OF_PATH: Record<string, string> = {
  'beta.gas': 'betaGas',
  'beta.code': 'betaCode',
  'beta.basisZh': 'basisZh',
  'beta.basisEn': 'basisEn',
  'source.reference': 'reference',
  change: 'reference',
  aliasesZh: 'aliasesZh',
};

/** The form field a row's issue path names (`Q`, `beta.code` → `betaCode`, …). */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const joined = path.map(String).join('.');
  const head = path.map(String)[0] ?? '';
  return FIELD_OF_PATH[joined] ?? FIELD_OF_PATH[head] ?? head;
}

const referenceOf = (row: { source: Table1Row['source'] } | undefined): string =>
  row?.source.kind === 'administrator' ? row.source.reference : '';

export function table1Values(row: Table1Row | undefined): Table1Values {
  const beta = row?.beta;
  return {
    nameZh: row?.nameZh ?? '',
    nameEn: row?.nameEn ?? '',
    aliasesZh: (row?.aliasesZh ?? []).join('、'),
    cas: row?.cas ?? '',
    variant: row?.variant ?? '',
    Q: row === undefined ? '' : String(row.Q),
    betaRule: beta?.rule ?? 'table4',
    betaGas: beta?.rule === 'table3' ? beta.gas : '',
    betaCode: beta?.rule === 'table4' ? beta.code : '',
    basisZh: beta?.rule === 'table3' || beta === undefined ? '' : beta.basisZh,
    basisEn: beta?.rule === 'table3' || beta === undefined ? '' : beta.basisEn,
    reference: referenceOf(row),
    clearFlags: false,
  };
}

export function table2Values(row: Table2Row): Table2Values {
  return {
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    Q: String(row.Q),
    reference: referenceOf(row),
    clearFlags: false,
  };
}

/** A number as typed ('' and words are not numbers: the schema says so at the field). */
const quantity = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

const aliases = (text: string): string[] | undefined => {
  const list = text
    .split(/[、,，;；]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return list.length === 0 ? undefined : list;
};

function betaOf(v: Table1Values): BetaRule {
  if (v.betaRule === 'table3') return { rule: 'table3', gas: v.betaGas };
  if (v.betaRule === 'table4') {
    return { rule: 'table4', code: v.betaCode, basisZh: v.basisZh, basisEn: v.basisEn };
  }
  return { rule: 'unclassified', basisZh: v.basisZh, basisEn: v.basisEn };
}

/**
 * The row's source: the administrator's note when one is given; a correction without a note
 * keeps the row's own source (a new row must say what it relies on).
 */
function sourceOf(reference: string, before: Table1Row | Table2Row | undefined) {
  const note = reference.trim();
  if (note !== '' || before === undefined) return { kind: 'administrator' as const, reference };
  return before.source;
}

const flagsOf = (clear: boolean, before: { flags?: Table1Row['flags'] } | undefined) =>
  clear || before?.flags === undefined ? {} : { flags: before.flags };

/** A Table 1 row from the form; `before` is the row corrected (absent for a new row). */
export function table1RowFrom(
  v: Table1Values,
  before: Table1Row | undefined,
  id: string,
  change: RowChange,
): z.ZodSafeParseResult<Table1Row> {
  const alias = aliases(v.aliasesZh);
  const variant = v.variant.trim();
  return table1RowSchema.safeParse({
    id,
    source: sourceOf(v.reference, before),
    ...flagsOf(v.clearFlags, before),
    change,
    nameZh: v.nameZh,
    ...(alias ? { aliasesZh: alias } : {}),
    nameEn: v.nameEn,
    cas: v.cas.trim() === '' ? null : v.cas.trim(),
    ...(before?.matchCas ? { matchCas: before.matchCas } : {}),
    ...(variant === '' ? {} : { variant }),
    Q: quantity(v.Q),
    beta: betaOf(v),
  });
}

/** A corrected Table 2 row: its names, critical quantity and source; the rest as it was. */
export function table2RowFrom(
  v: Table2Values,
  before: Table2Row,
  change: RowChange,
): z.ZodSafeParseResult<Table2Row> {
  const rest: Table2Row = { ...before };
  delete rest.flags;
  return table2RowSchema.safeParse({
    ...rest,
    ...flagsOf(v.clearFlags, before),
    source: sourceOf(v.reference, before),
    change,
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    Q: quantity(v.Q),
  });
}

/** An id no row of the table has yet, for a new Table 1 row. */
export function newTable1RowId(table: Gb18218Table): string {
  const used = new Set(
    (['table1', 'table2', 'table3', 'table4', 'alpha', 'levels'] as const).flatMap((part) =>
      table[part].map((row) => row.id),
    ),
  );
  let n = 1;
  while (used.has(`t1-a${String(n)}`)) n += 1;
  return `t1-a${String(n)}`;
}

/** The table with `row` in place of the row of the same id, or added at the end. */
export function withRow<P extends 'table1' | 'table2'>(
  table: Gb18218Table,
  part: P,
  row: Gb18218Table[P][number],
): Gb18218Table {
  const rows = table[part] as Gb18218Table[P][number][];
  const at = rows.findIndex((r) => r.id === row.id);
  const next = at === -1 ? [...rows, row] : rows.map((r, i) => (i === at ? row : r));
  return { ...table, [part]: next };
}
