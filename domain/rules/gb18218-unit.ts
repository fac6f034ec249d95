// Major hazard source identification and grading by GB 18218-2018, per unit and per enterprise:
// S = Σ q/Q over a unit's substances (S ≥ 1, or one q ≥ Q, identifies it), R = α Σ β q/Q grades
// it 1 to 4, and an enterprise takes the most severe level of its units. Each result carries its
// working term by term and the table version it used.
import type { Gb18218Table } from '../data/gb18218-table';
import type { AlphaRow, LevelRow } from '../data/gb18218-table-schema';
import type { HazardUnit } from '../schemas/hazard-unit';
import type { MajorHazardLevel } from './gb18218-index';
import { alphaRowFor, atLeast, indexOf, levelRowFor } from './gb18218-index';
import { resolveHolding } from './gb18218-holding';
import type {
  EnterpriseGrading,
  NotCountedHolding,
  UnitGrading,
  UnitTerm,
} from './gb18218-working';
import { cite } from './gb18218-working';

export interface UnitContext {
  /** The enterprise's count, used where the unit gives none of its own. */
  peopleWithin500m: number;
}

/** Groups the unit's holdings by substance: holdings of one substance add up. */
function collect(
  unit: HazardUnit,
  table: Gb18218Table,
): { terms: UnitTerm[]; notCounted: NotCountedHolding[] } {
  const index = indexOf(table);
  const terms = new Map<string, UnitTerm>();
  const notCounted = new Map<string, NotCountedHolding>();
  unit.holdings.forEach((h, position) => {
    if (!Number.isFinite(h.maxQuantityT) || h.maxQuantityT < 0) {
      throw new RangeError(
        `quantity of ${h.name} must be a non-negative number: ${h.maxQuantityT}`,
      );
    }
    const resolved = resolveHolding(h, position, index);
    const share = { index: position, name: h.name, q: h.maxQuantityT, mixture: resolved.mixture };
    const cas = h.cas?.trim() ?? null;
    const map = resolved.kind === 'counted' ? terms : notCounted;
    const seen = map.get(resolved.key);
    if (seen) {
      seen.holdings.push(share);
      seen.q += share.q;
      return;
    }
    if (resolved.kind === 'counted') {
      const { Q, qBasis, beta, betaBasis } = resolved;
      terms.set(resolved.key, {
        name: h.name,
        cas,
        holdings: [share],
        q: share.q,
        Q,
        qBasis,
        qOverQ: 0,
        reachesQAlone: false,
        beta,
        betaBasis,
        betaQOverQ: 0,
      });
    } else {
      const { reason } = resolved;
      notCounted.set(resolved.key, { name: h.name, cas, holdings: [share], q: share.q, reason });
    }
  });
  for (const term of terms.values()) {
    term.qOverQ = term.q / term.Q;
    term.betaQOverQ = term.beta * term.qOverQ;
    term.reachesQAlone = atLeast(term.q, term.Q);
  }
  return { terms: [...terms.values()], notCounted: [...notCounted.values()] };
}

// The α and level lines of a working depend on their row alone: built once per row, as the
// directory grades thousands of enterprises at a time.
const alphaLines = new WeakMap<AlphaRow, UnitGrading['alpha']>();
const levelLines = new WeakMap<LevelRow, NonNullable<UnitGrading['levelRow']>>();

function alphaWorking(row: AlphaRow): UnitGrading['alpha'] {
  let line = alphaLines.get(row);
  if (!line) {
    line = { ...cite(row), value: row.alpha, minPeople: row.minPeople, maxPeople: row.maxPeople };
    alphaLines.set(row, line);
  }
  return line;
}

function levelWorking(row: LevelRow): NonNullable<UnitGrading['levelRow']> {
  let line = levelLines.get(row);
  if (!line) {
    line = { ...cite(row), minR: row.minR };
    levelLines.set(row, line);
  }
  return line;
}

/** Identifies and grades one unit, with its working. */
export function gradeUnit(
  unit: HazardUnit,
  context: UnitContext,
  table: Gb18218Table,
): UnitGrading {
  const index = indexOf(table);
  const fromUnit = unit.peopleWithin500m !== undefined;
  const people = unit.peopleWithin500m ?? context.peopleWithin500m;
  const alphaRow = alphaRowFor(people, index);
  const { terms, notCounted } = collect(unit, table);
  const S = terms.reduce((sum, t) => sum + t.qOverQ, 0);
  const betaSum = terms.reduce((sum, t) => sum + t.betaQOverQ, 0);
  const R = alphaRow.alpha * betaSum;
  const single = terms.some((t) => t.reachesQAlone);
  const isMajor = single || atLeast(S, 1);
  const levelRow = isMajor ? levelRowFor(R, index) : null;
  return {
    unit: { kind: unit.kind, name: unit.name, position: unit.position ?? null },
    tableVersion: table.version,
    terms,
    notCounted,
    S,
    betaSum,
    people: { count: people, from: fromUnit ? 'unit' : 'enterprise' },
    alpha: alphaWorking(alphaRow),
    R,
    isMajor,
    identifiedBy: single ? 'singleSubstance' : isMajor ? 'sum' : null,
    level: levelRow ? (levelRow.level as MajorHazardLevel) : null,
    levelRow: levelRow ? levelWorking(levelRow) : null,
  };
}

/** Grades every unit of an enterprise; the enterprise takes the most severe unit's level. */
export function gradeEnterprise(
  enterprise: { peopleWithin500m: number; units: readonly HazardUnit[] },
  table: Gb18218Table,
): EnterpriseGrading {
  const units = enterprise.units.map((u) =>
    gradeUnit(u, { peopleWithin500m: enterprise.peopleWithin500m }, table),
  );
  const levels = units.map((u) => u.level).filter((l): l is MajorHazardLevel => l !== null);
  // Level 1 is the most severe: the smallest number wins.
  const level = levels.length === 0 ? null : (Math.min(...levels) as MajorHazardLevel);
  return {
    tableVersion: table.version,
    units,
    isMajor: level !== null,
    level,
    mostSevereUnits: level === null ? [] : units.flatMap((u, i) => (u.level === level ? [i] : [])),
  };
}
