// What one holding counts as in GB 18218-2018: its Q and β with the rows they come from, or why
// it is not counted. A substance Table 1 names takes its Table 1 row; any other takes the
// strictest Table 2 row of its hazard classes; a mixture goes through the mixture rule first.
import type { GhsClassification } from '../data/ghs-hazard-classes';
import { matchCasOf } from '../data/gb18218-table-checks';
import type { Table1Row } from '../data/gb18218-table-schema';
import type { UnitHolding } from '../schemas/hazard-unit';
import type { TableIndex } from './gb18218-index';
import { table4Row } from './gb18218-index';
import { mixtureBasis, ownFacts, pureFacts } from './gb18218-mixture';
import type { SubstanceFacts } from './gb18218-table2-match';
import { matchTable2 } from './gb18218-table2-match';
import type { BetaBasis, MixtureBasis, NotCountedReason, QBasis } from './gb18218-working';
import { cite } from './gb18218-working';

export type ResolvedHolding =
  | {
      kind: 'counted';
      /** Holdings with the same key are one substance of the unit, and their q add up. */
      key: string;
      Q: number;
      qBasis: QBasis;
      beta: number;
      betaBasis: BetaBasis;
      mixture: MixtureBasis | null;
    }
  | { kind: 'notCounted'; key: string; mixture: MixtureBasis | null; reason: NotCountedReason };

interface Table1Choice {
  row: Table1Row;
  variantChoice: 'only' | 'named' | 'strictest';
  siblings: Table1Row[];
}

/** The Table 1 row a holding names: by row id, else by CAS and variant; null when none. */
function findTable1(
  h: UnitHolding,
  index: TableIndex,
): Table1Choice | { unknownRowId: string } | null {
  if (h.table1RowId !== undefined) {
    const row = index.table1ById.get(h.table1RowId);
    if (!row) return { unknownRowId: h.table1RowId };
    const firstCas = matchCasOf(row)[0];
    const siblings = (firstCas && index.table1ByCas.get(firstCas)) || [row];
    return { row, variantChoice: siblings.length > 1 ? 'named' : 'only', siblings };
  }
  const rows = h.cas === undefined ? undefined : index.table1ByCas.get(h.cas.trim());
  if (!rows) return null;
  if (rows.length === 1)
    return { row: rows[0] as Table1Row, variantChoice: 'only', siblings: rows };
  const named = h.variant === undefined ? undefined : rows.find((r) => r.variant === h.variant);
  if (named) return { row: named, variantChoice: 'named', siblings: rows };
  // Without a named variant the smallest Q is taken: it never understates the hazard.
  const strictest = rows.reduce((a, b) => (b.Q < a.Q ? b : a));
  return { row: strictest, variantChoice: 'strictest', siblings: rows };
}

function table1Beta(row: Table1Row, index: TableIndex): { beta: number; betaBasis: BetaBasis } {
  const rule = row.beta;
  if (rule.rule === 'table3') {
    const gas = index.table3ById.get(rule.gas);
    if (!gas) throw new RangeError(`Table 1 row ${row.id} names an unknown toxic gas ${rule.gas}`);
    const { nameZh, nameEn, cas } = gas;
    return { beta: gas.beta, betaBasis: { kind: 'table3', ...cite(gas), nameZh, nameEn, cas } };
  }
  if (rule.rule === 'table4') {
    const t4 = table4Row(index, rule.code);
    return {
      beta: t4.beta,
      betaBasis: {
        kind: 'table4',
        ...cite(t4),
        code: t4.code,
        via: 'table1',
        basisZh: rule.basisZh,
        basisEn: rule.basisEn,
      },
    };
  }
  const u = index.table.unclassifiedBeta;
  return {
    beta: u.beta,
    betaBasis: {
      kind: 'unclassified',
      source: u.source,
      flags: u.flags ?? [],
      basisZh: rule.basisZh,
      basisEn: rule.basisEn,
    },
  };
}

// A Table 1 row resolves the same way for every holding that names it alike; the directory
// grades thousands of enterprises at a time, so the result is built once per table edition.
const table1Resolutions = new WeakMap<TableIndex, Map<string, ResolvedHolding>>();

function fromTable1(
  choice: Table1Choice,
  index: TableIndex,
  mixture: MixtureBasis | null,
): ResolvedHolding {
  let cache = table1Resolutions.get(index);
  if (!cache) {
    cache = new Map();
    table1Resolutions.set(index, cache);
  }
  const cacheKey = `${choice.row.id}|${choice.variantChoice}`;
  let resolved = cache.get(cacheKey);
  if (!resolved) {
    resolved = table1Resolution(choice, index);
    cache.set(cacheKey, resolved);
  }
  return mixture === null ? resolved : { ...resolved, mixture };
}

function table1Resolution(choice: Table1Choice, index: TableIndex): ResolvedHolding {
  const { row } = choice;
  return {
    kind: 'counted',
    key: `t1:${row.id}`,
    Q: row.Q,
    qBasis: {
      kind: 'table1',
      row: {
        ...cite(row),
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        cas: row.cas,
        variant: row.variant ?? null,
      },
      variantChoice: choice.variantChoice,
      alternatives: choice.siblings
        .filter((r) => r !== row)
        .map((r) => ({
          id: r.id,
          variant: r.variant ?? null,
          nameZh: r.nameZh,
          nameEn: r.nameEn,
          Q: r.Q,
        })),
    },
    ...table1Beta(row, index),
    mixture: null,
  };
}

/**
 * By Table 2. `toxicGasCas` is the CAS whose Table 3 β applies if it names a toxic gas: the
 * substance's own, or none for a mixture graded by its own categories.
 */
function fromTable2(
  classes: readonly GhsClassification[],
  facts: SubstanceFacts,
  toxicGasCas: string | null,
  key: string,
  index: TableIndex,
  mixture: MixtureBasis | null,
): ResolvedHolding {
  if (classes.length === 0)
    return { kind: 'notCounted', key, mixture, reason: { kind: 'noClasses' } };
  const match = matchTable2(classes, facts, index);
  if (!match.chosen) {
    return {
      kind: 'notCounted',
      key,
      mixture,
      reason: {
        kind: 'noTable2Row',
        classes: [...classes],
        physicalState: facts.physicalState ?? null,
      },
    };
  }
  const { row, candidate } = match.chosen;
  const qBasis: QBasis = {
    kind: 'table2',
    row: {
      ...cite(row),
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      ...(row.quantityNoteEn ? { quantityNoteEn: row.quantityNoteEn } : {}),
    },
    matchedBy: candidate.matchedBy,
    candidates: match.candidates,
    excluded: match.excluded,
  };
  const gas = toxicGasCas === null ? undefined : index.table3ByCas.get(toxicGasCas);
  if (gas) {
    const { nameZh, nameEn, cas } = gas;
    const betaBasis: BetaBasis = { kind: 'table3', ...cite(gas), nameZh, nameEn, cas };
    return {
      kind: 'counted',
      key: `${key}:${row.code}`,
      Q: row.Q,
      qBasis,
      beta: gas.beta,
      betaBasis,
      mixture,
    };
  }
  const t4 = table4Row(index, row.code);
  const betaBasis: BetaBasis = {
    kind: 'table4',
    ...cite(t4),
    code: t4.code,
    via: 'table2',
    basisZh: null,
    basisEn: null,
  };
  return {
    kind: 'counted',
    key: `${key}:${row.code}`,
    Q: row.Q,
    qBasis,
    beta: t4.beta,
    betaBasis,
    mixture,
  };
}

export function resolveHolding(
  h: UnitHolding,
  position: number,
  index: TableIndex,
): ResolvedHolding {
  const cas = h.cas?.trim();
  const substanceKey = cas
    ? `cas:${cas}`
    : h.table1RowId
      ? `row:${h.table1RowId}`
      : `holding:${position}`;
  const table1 = findTable1(h, index);
  if (table1 && 'unknownRowId' in table1) {
    return {
      kind: 'notCounted',
      key: substanceKey,
      mixture: null,
      reason: { kind: 'unknownTable1Row', table1RowId: table1.unknownRowId },
    };
  }
  if (!h.mixture) {
    if (table1) return fromTable1(table1, index, null);
    return fromTable2(h.classes, ownFacts(h), cas ?? null, substanceKey, index, null);
  }
  const basis = mixtureBasis({ ...h, mixture: h.mixture }, index);
  if (basis.rule === 'sameAsPure') {
    if (table1) return fromTable1(table1, index, basis);
    return fromTable2(h.mixture.pureClasses, pureFacts(h), cas ?? null, substanceKey, index, basis);
  }
  // The mixture is no longer its pure substance: its own categories decide, and it is a
  // substance of its own in the unit's sum.
  return fromTable2(h.classes, ownFacts(h), null, `mixture:${substanceKey}`, index, basis);
}
