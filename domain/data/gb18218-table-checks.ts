// The checks that span rows of the GB 18218-2018 table: that every reference resolves, that a
// holding's CAS (and variant) names one Table 1 row only, that every Table 2 row has its class β,
// and that the α and level bands leave no gap. A table failing any of them is refused whole, so
// that the grading never meets a reference it cannot follow.
import type { z } from 'zod';
import type {
  AlphaRow,
  LevelRow,
  Table1Row,
  Table2Row,
  Table3Row,
  Table4Row,
} from './gb18218-table-schema';
import { casCheckDigitOk } from './gb18218-table-schema';

type Ctx = z.RefinementCtx;

export interface TableRows {
  table1: Table1Row[];
  table2: Table2Row[];
  table3: Table3Row[];
  table4: Table4Row[];
  alpha: AlphaRow[];
  levels: LevelRow[];
}

const issue = (ctx: Ctx, path: (string | number)[], message: string, params?: object): void => {
  ctx.addIssue({ code: 'custom', path, message, ...(params ? { params } : {}) });
};

/** Row ids are unique across the whole table: a working cites a row by its id alone. */
export function checkRowIds(t: TableRows, ctx: Ctx): void {
  const seen = new Set<string>();
  for (const part of ['table1', 'table2', 'table3', 'table4', 'alpha', 'levels'] as const) {
    t[part].forEach((row, i) => {
      if (seen.has(row.id)) issue(ctx, [part, i, 'id'], 'gb18218.duplicateId', { id: row.id });
      seen.add(row.id);
    });
  }
}

/** Every CAS a Table 1 row is matched by, with the row's own first. */
export function matchCasOf(row: Table1Row): string[] {
  return [...(row.cas === null ? [] : [row.cas]), ...(row.matchCas ?? [])];
}

export function checkTable1(t: TableRows, ctx: Ctx): void {
  const gases = new Set(t.table3.map((g) => g.id));
  const toxicCas = new Set(t.table3.map((g) => g.cas));
  const codes = new Set(t.table4.map((c) => c.code));
  const rowsByCas = new Map<string, Table1Row[]>();
  t.table1.forEach((row, i) => {
    for (const cas of matchCasOf(row)) {
      if (!casCheckDigitOk(cas)) issue(ctx, ['table1', i], 'cas.checkDigit', { cas });
      rowsByCas.set(cas, [...(rowsByCas.get(cas) ?? []), row]);
    }
    // The standard takes a named toxic gas's β from Table 3, never from its class.
    if (row.beta.rule !== 'table3' && matchCasOf(row).some((cas) => toxicCas.has(cas))) {
      issue(ctx, ['table1', i, 'beta'], 'gb18218.toxicGasWithoutTable3Beta');
    }
    if (row.beta.rule === 'table3' && !gases.has(row.beta.gas)) {
      issue(ctx, ['table1', i, 'beta'], 'gb18218.unknownToxicGas', { gas: row.beta.gas });
    }
    if (row.beta.rule === 'table4' && !codes.has(row.beta.code)) {
      issue(ctx, ['table1', i, 'beta'], 'gb18218.classBetaMissing', { code: row.beta.code });
    }
  });
  for (const [cas, rows] of rowsByCas) {
    if (rows.length < 2) continue;
    // Rows sharing a CAS must each say which variant they are, or a holding could not be
    // matched to one row.
    const variants = new Set(rows.map((r) => r.variant));
    if (variants.has(undefined) || variants.size !== rows.length) {
      issue(ctx, ['table1'], 'gb18218.ambiguousCas', { cas });
    }
  }
}

export function checkTable2(t: TableRows, ctx: Ctx): void {
  const betaCodes = new Set(t.table4.map((c) => c.code));
  const codes = new Set<string>();
  t.table2.forEach((row, i) => {
    if (codes.has(row.code)) issue(ctx, ['table2', i, 'code'], 'gb18218.duplicateCode');
    codes.add(row.code);
    if (!betaCodes.has(row.code)) {
      issue(ctx, ['table2', i, 'code'], 'gb18218.classBetaMissing', { code: row.code });
    }
  });
  t.table2.forEach((row, i) => {
    for (const other of row.otherThan ?? []) {
      if (!codes.has(other) || other === row.code) {
        issue(ctx, ['table2', i, 'otherThan'], 'gb18218.unknownCode', { code: other });
      }
    }
  });
}

export function checkTables3And4(t: TableRows, ctx: Ctx): void {
  const cas = new Set<string>();
  t.table3.forEach((row, i) => {
    if (cas.has(row.cas)) issue(ctx, ['table3', i, 'cas'], 'gb18218.duplicateCas');
    if (!casCheckDigitOk(row.cas)) issue(ctx, ['table3', i, 'cas'], 'cas.checkDigit');
    cas.add(row.cas);
  });
  const codes = new Set<string>();
  t.table4.forEach((row, i) => {
    if (codes.has(row.code)) issue(ctx, ['table4', i, 'code'], 'gb18218.duplicateCode');
    codes.add(row.code);
  });
}

export function checkAlphaBands(bands: AlphaRow[], ctx: Ctx): void {
  // The bands must cover 0, 1, 2, … without gap or overlap, and α must not fall as the
  // number of people rises (otherwise R would not be monotone).
  const sorted = [...bands].sort((a, b) => a.minPeople - b.minPeople);
  let next = 0;
  let lastAlpha = 0;
  for (const band of sorted) {
    const bad =
      band.minPeople !== next ||
      (band.maxPeople !== null && band.maxPeople < band.minPeople) ||
      band.alpha < lastAlpha;
    if (bad) return issue(ctx, ['alpha'], 'gb18218.alphaBands');
    if (band.maxPeople === null) {
      if (band !== sorted[sorted.length - 1]) issue(ctx, ['alpha'], 'gb18218.alphaBands');
      return;
    }
    next = band.maxPeople + 1;
    lastAlpha = band.alpha;
  }
  issue(ctx, ['alpha'], 'gb18218.alphaBands');
}

export function checkLevels(levels: LevelRow[], ctx: Ctx): void {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  const ok =
    sorted.length === 4 &&
    sorted.every((band, i) => band.level === i + 1) &&
    sorted.every((band, i) => i === 0 || band.minR < (sorted[i - 1] as LevelRow).minR) &&
    sorted[sorted.length - 1]?.minR === 0;
  if (!ok) issue(ctx, ['levels'], 'gb18218.levels');
}
