// Words for what is wrong with a GB 18218-2018 table an administrator sent: each issue names its
// table, the row (by position and id, as the administrator sees it) and the field, so the screen
// can show the refusal at that row and field. Paths are those of the request body (`table.…`).
import type { z } from 'zod';
import type { ApiIssue } from '../http/api-error';
import { toIssues } from '../http/parse-input';

const PARTS: Record<string, string> = {
  table1: 'Table 1',
  table2: 'Table 2',
  table3: 'Table 3',
  table4: 'Table 4',
  alpha: 'the α table (Table 5)',
  levels: 'the level table (Table 6)',
  unclassifiedBeta: 'the β of unclassified substances',
};

// The table's own message keys (gb18218-table-schema.ts, gb18218-table-checks.ts).
const WORDS: Record<string, string> = {
  'cas.invalid': 'must be a CAS number such as 7664-41-7',
  'cas.checkDigit': 'has a CAS number with a wrong check digit',
  'ghs.category': 'names a category its hazard class does not have',
  'gb18218.rowId': "must be a row id of lower-case letters, digits, '.', ':' or '-'",
  'gb18218.code': 'must be a code as the standard prints it, such as J1 or W5.1',
  'gb18218.variant': "must be a variant of lower-case letters, digits, '.' or '-'",
  'gb18218.changeRequired': 'must say who changed the row, when and why',
  'gb18218.duplicateId': 'uses a row id another row already has',
  'gb18218.duplicateCode': 'uses a code another row already has',
  'gb18218.duplicateCas': 'uses a CAS number another row already has',
  'gb18218.ambiguousCas':
    'has rows sharing a CAS number without each naming a different variant, so a holding could not be matched to one row',
  'gb18218.toxicGasWithoutTable3Beta': 'is a toxic gas of Table 3 and must take its β from there',
  'gb18218.unknownToxicGas': 'names a Table 3 gas that does not exist',
  'gb18218.classBetaMissing': 'names a code that has no β in Table 4',
  'gb18218.unknownCode': 'names a Table 2 code that does not exist (or its own)',
  'gb18218.alphaBands': 'must cover 0, 1, 2 … people without gap or overlap, α never falling',
  'gb18218.levels': 'must hold levels 1 to 4, R falling from level 1 to level 4 at 0',
};

const rowIdAt = (value: unknown, part: string, index: number): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const rows = (value as Record<string, unknown>)[part];
  if (!Array.isArray(rows)) return null;
  const row: unknown = rows[index];
  if (typeof row !== 'object' || row === null) return null;
  const id = (row as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
};

/** The issues of a refused table, each naming its row and field; `sent` is the table as sent. */
export function tableIssues(error: z.ZodError, sent: unknown): ApiIssue[] {
  return error.issues.map((issue) => {
    const [part, index, ...field] = issue.path.map(String);
    // toIssues reads nothing of the error but its issues: one at a time keeps them paired.
    const general =
      issue.code === 'too_small' && !issue.inclusive
        ? `must be more than ${String(issue.minimum)}`
        : toIssues({ issues: [issue] } as z.ZodError)[0]?.message;
    // The cross-row checks say which CAS or code they mean in their params.
    const params =
      issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const named = params ? Object.values(params).filter((v) => typeof v === 'string') : [];
    const words = `${WORDS[issue.message] ?? general ?? issue.message}${named.length > 0 ? ` (${named.join(', ')})` : ''}`;
    const path = ['table', ...issue.path.map(String)].join('.');
    const where = part === undefined ? 'the table' : (PARTS[part] ?? part);
    if (index === undefined || !/^\d+$/.test(index)) {
      const rest = [index, ...field].filter((x) => x !== undefined).join('.');
      return { path, message: `${where}${rest ? ` ${rest}` : ''} ${words}` };
    }
    const id = rowIdAt(sent, part ?? '', Number(index));
    const row = `row ${String(Number(index) + 1)}${id ? ` (${id})` : ''}`;
    const name = field.length > 0 ? `, ${field.join('.')},` : '';
    return { path, message: `${where} ${row}${name} ${words}` };
  });
}
