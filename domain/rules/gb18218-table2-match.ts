// Reading GB 18218-2018 Table 2 for a chemical that Table 1 does not name: every row one of its
// hazard classes falls under, the rows that yield to another ("category 2 not in W5.1 or W5.2"),
// and the strictest row, whose Q and class β are used.
import type { GhsClassification, PhysicalState } from '../data/ghs-hazard-classes';
import { ghsClassificationText } from '../data/ghs-hazard-classes';
import type { HoldingCondition, Table2Criterion, Table2Row } from '../data/gb18218-table-schema';
import type { TableIndex } from './gb18218-index';
import { table4Row } from './gb18218-index';
import type { Table2Candidate } from './gb18218-working';

/** What Table 2 needs to know about a substance besides its classes. */
export interface SubstanceFacts {
  name: string;
  physicalState: PhysicalState | undefined;
  boilingPointC: number | undefined;
  conditions: readonly HoldingCondition[];
}

export interface Table2Match {
  chosen: { row: Table2Row; candidate: Table2Candidate } | null;
  candidates: Table2Candidate[];
  excluded: { code: string; because: string[] }[];
}

function criterionMatches(
  criterion: Table2Criterion,
  c: GhsClassification,
  facts: SubstanceFacts,
  code: string,
): boolean {
  if (criterion.class !== c.class || !criterion.categories.includes(c.category)) return false;
  if (criterion.routes && (!c.route || !criterion.routes.includes(c.route))) return false;
  if (criterion.condition && !facts.conditions.includes(criterion.condition)) return false;
  if (criterion.states) {
    // Without the state the row cannot be told from its neighbours (J1 gas, J2 liquid): the
    // holding schema asks for it, and grading never guesses.
    if (facts.physicalState === undefined) {
      throw new RangeError(
        `${facts.name}: the physical state is needed to read ${code} for ${ghsClassificationText(c)}`,
      );
    }
    if (!criterion.states.includes(facts.physicalState)) return false;
  }
  if (criterion.boilingPointMaxC !== undefined) {
    if (facts.boilingPointC === undefined) {
      throw new RangeError(
        `${facts.name}: the boiling point is needed to read ${code} for ${ghsClassificationText(c)}`,
      );
    }
    if (facts.boilingPointC > criterion.boilingPointMaxC) return false;
  }
  return true;
}

/** The first of the classes that falls under the row, if any. */
function matchedBy(
  row: Table2Row,
  classes: readonly GhsClassification[],
  facts: SubstanceFacts,
): GhsClassification | undefined {
  return classes.find((c) => row.criteria.some((k) => criterionMatches(k, c, facts, row.code)));
}

/**
 * The Table 2 rows that apply to a substance with these classes. Among them the smallest Q is
 * taken, as the standard says for a chemical with several hazards; between equal Qs the larger β,
 * so that a tie never understates R.
 */
export function matchTable2(
  classes: readonly GhsClassification[],
  facts: SubstanceFacts,
  index: TableIndex,
): Table2Match {
  const matched = new Map<string, { row: Table2Row; by: GhsClassification }>();
  for (const row of index.table.table2) {
    const by = matchedBy(row, classes, facts);
    if (by) matched.set(row.code, { row, by });
  }
  const excluded: Table2Match['excluded'] = [];
  const applying: { row: Table2Row; candidate: Table2Candidate; order: number }[] = [];
  index.table.table2.forEach((row, order) => {
    const hit = matched.get(row.code);
    if (!hit) return;
    const because = (row.otherThan ?? []).filter((code) => matched.has(code));
    if (because.length > 0) {
      excluded.push({ code: row.code, because });
      return;
    }
    const beta = table4Row(index, row.code).beta;
    applying.push({ row, order, candidate: { code: row.code, Q: row.Q, beta, matchedBy: hit.by } });
  });
  applying.sort(
    (a, b) => a.row.Q - b.row.Q || b.candidate.beta - a.candidate.beta || a.order - b.order,
  );
  const first = applying[0];
  return {
    chosen: first ? { row: first.row, candidate: first.candidate } : null,
    candidates: applying.map((a) => a.candidate),
    excluded,
  };
}

/**
 * The substance's classifications that some Table 2 row grades, as `class category (route)`,
 * sorted: what the mixture rule compares between a mixture and its pure substance.
 */
export function gradedCategories(
  classes: readonly GhsClassification[],
  facts: SubstanceFacts,
  index: TableIndex,
): string[] {
  const graded = classes.filter((c) =>
    index.table.table2.some((row) =>
      row.criteria.some((k) => criterionMatches(k, c, facts, row.code)),
    ),
  );
  return [...new Set(graded.map(ghsClassificationText))].sort();
}
