// How a new edition of the GB 18218-2018 table is made from the one it was edited from: the
// server names its version (the next revision, based on the latest) and stamps who changed each
// row, when and why. A row the administrator did not change keeps the stamp it had (or none), so
// a device can neither forge nor erase who changed a row; every row that differs from the base
// edition, or is new, carries this edition's stamp.
import type { Gb18218Table } from '../data/gb18218-table';
import type { RowChange, TableVersion } from '../data/gb18218-table-schema';
import { canonicalJson } from './canonical-json';
import type { CanonicalValue } from './canonical-json';

/** The version of the edition with this revision, edited from `basedOn`. */
export function editionVersion(revision: number, basedOn: TableVersion): TableVersion {
  return {
    id: `gb18218-2018.edition.${String(revision)}`,
    label: `GB 18218-2018 / v${String(revision)}`,
    revision,
    basedOn: basedOn.id,
  };
}

const ROW_PARTS = ['table1', 'table2', 'table3', 'table4', 'alpha', 'levels'] as const;

/** A row without who changed it. */
function withoutChange<T extends { change?: RowChange }>(row: T): Omit<T, 'change'> {
  const rest: T = { ...row };
  delete rest.change;
  return rest;
}

/** A row as compared between editions: everything but who changed it. */
function contentOf(row: { change?: RowChange }): string {
  return canonicalJson(withoutChange(row) as unknown as CanonicalValue);
}

function stampRow<T extends { change?: RowChange }>(
  row: T,
  before: T | undefined,
  change: RowChange,
): T {
  const rest = withoutChange(row);
  if (before !== undefined && contentOf(before) === contentOf(row)) {
    return (before.change === undefined ? rest : { ...rest, change: before.change }) as T;
  }
  return { ...rest, change } as T;
}

/** The rows of `next` that are new or differ from `base`, by part and id. */
export function changedRows(
  base: Gb18218Table,
  next: Gb18218Table,
): { part: (typeof ROW_PARTS)[number]; id: string }[] {
  return ROW_PARTS.flatMap((part) => {
    const before = new Map<string, { change?: RowChange }>(base[part].map((r) => [r.id, r]));
    return next[part]
      .filter((row) => {
        const old = before.get(row.id);
        return old === undefined || contentOf(old) !== contentOf(row);
      })
      .map((row) => ({ part, id: row.id }));
  });
}

/**
 * The edition the server publishes: `proposed` with the next version after `base` and every
 * changed row stamped with `change` (the publisher, the server's time and the reason).
 */
export function nextEdition(
  base: Gb18218Table,
  proposed: Gb18218Table,
  change: RowChange,
): Gb18218Table {
  const stampPart = <T extends { id: string; change?: RowChange }>(rows: T[], old: T[]): T[] => {
    const byId = new Map(old.map((r) => [r.id, r]));
    return rows.map((row) => stampRow(row, byId.get(row.id), change));
  };
  return {
    ...proposed,
    version: editionVersion(base.version.revision + 1, base.version),
    table1: stampPart(proposed.table1, base.table1),
    table2: stampPart(proposed.table2, base.table2),
    table3: stampPart(proposed.table3, base.table3),
    table4: stampPart(proposed.table4, base.table4),
    alpha: stampPart(proposed.alpha, base.alpha),
    levels: stampPart(proposed.levels, base.levels),
    unclassifiedBeta: stampRow(proposed.unclassifiedBeta, base.unclassifiedBeta, change),
  };
}
