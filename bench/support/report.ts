// Figures of a run: printed as each is measured, then as one summary table, and written as JSON
// to a temporary file (never into the repository). A missed target is reported, not an error.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  benchmark: string;
  metric: string;
  unit: string;
  value: number;
  anchorName: string | null;
  anchor: number | null;
  /** How many times better than the anchor (>1: better), whatever the unit's direction. */
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
  note?: string;
}

const figures: Figure[] = [];
const pending: { benchmark: string; reason: string }[] = [];

const fmt = (n: number | null, unit = '') =>
  n === null || Number.isNaN(n)
    ? '–'
    : `${n >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3)}${unit ? ` ${unit}` : ''}`;

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'PASS' : 'MISS');

export function record(figure: Figure): void {
  figures.push(figure);
  const anchor =
    figure.anchorName === null
      ? ''
      : `  | ${figure.anchorName}: ${fmt(figure.anchor, figure.unit)}  | ratio ${fmt(figure.ratio)}×`;
  const target = figure.target ? `  | target ${figure.target}: ${verdict(figure.pass)}` : '';
  console.log(
    `  ${figure.benchmark} — ${figure.metric}: ${fmt(figure.value, figure.unit)}${anchor}${target}`,
  );
  if (figure.note) console.log(`    (${figure.note})`);
}

export function recordPending(benchmark: string, reason: string): void {
  pending.push({ benchmark, reason });
  console.log(`  ${benchmark}: PENDING — ${reason}`);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

export function printSummary(): void {
  const rows = [
    ['benchmark', 'metric', 'Field Inspector', 'anchor', 'anchor value', 'ratio', 'target', ''],
    ...figures.map((f) => [
      f.benchmark,
      f.metric,
      fmt(f.value, f.unit),
      f.anchorName ?? '',
      f.anchorName === null ? '' : fmt(f.anchor, f.unit),
      f.ratio === null ? '' : `${fmt(f.ratio)}×`,
      f.target ?? '',
      verdict(f.pass),
    ]),
    ...pending.map((p) => [p.benchmark, 'pending', p.reason, '', '', '', '', '']),
  ];
  console.log(`\nSummary\n${table(rows)}`);
}

export async function writeSummaryJson(meta: Record<string, unknown>): Promise<string> {
  const path = join(
    tmpdir(),
    `fi-bench-summary-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await writeFile(path, `${JSON.stringify({ ...meta, figures, pending }, null, 2)}\n`);
  return path;
}
