// CSV files of the registry: reading one in whichever encoding Excel saved it (UTF-8 with or
// without a byte-order mark, or GB18030, which Excel on a Chinese Windows writes by default),
// and writing one as UTF-8 with a byte-order mark, which Excel opens as UTF-8.
import type { SheetCell } from '../../../domain/rules/sheet-columns';

const BOM = [0xef, 0xbb, 0xbf];

/** The file's text: UTF-8 when it is valid UTF-8 (a BOM dropped), otherwise GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  if (BOM.every((b, i) => bytes[i] === b)) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // GB18030 decodes every byte sequence, so it is the last resort, not a guess among equals.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 rows: quoted fields may hold separators, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const quote = (cell: SheetCell) => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The rows as CSV text, UTF-8 with a BOM, lines ended by CRLF as Excel writes them. */
export function formatCsv(rows: readonly (readonly SheetCell[])[]): Uint8Array {
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
}
