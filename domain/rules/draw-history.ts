// The draws kept for an agency: a stored draw never changes and is never deleted; a redraw of a
// period is a new draw naming the one it replaces and why, and both are kept. From the draws in
// force come the inputs a new draw needs from the past (previous officers, enterprises already
// drawn this year) and the due list a joint partner reads.
import type { Assignment, DrawRecord } from '../schemas/draw';
import type { User } from '../schemas/user';
import { canonicalJson } from './canonical-json';

export type DrawProblem =
  /** Draws are run by supervisors of the draw's agency only. */
  | 'draw.notSupervisorOfAgency'
  /** A stored draw may not be changed or deleted. */
  | 'draw.immutable'
  /** The period already has a draw: a new one is a redraw naming it, with a reason. */
  | 'draw.redrawRequired'
  /** A redraw names a draw that is not the one in force for the same period. */
  | 'draw.redrawOfNotInForce'
  /** A redraw of a period that has no draw. */
  | 'draw.nothingToRedraw';

type DrawActor = Pick<User, 'id' | 'role' | 'agencyId' | 'deletedAt'>;

function content({ version: _v, updatedAt: _u, ...rest }: DrawRecord) {
  return rest;
}

const samePeriod = (a: DrawRecord, b: DrawRecord) =>
  a.agencyId === b.agencyId && a.year === b.year && a.periodKey === b.periodKey;

/**
 * Why `after` may not be stored, or null when it may. `draws` are the agency's stored draws
 * (any period: those of after's period are picked out); `before` is the stored record with
 * after's id, or null for a new draw.
 */
export function drawChangeProblem(
  draws: readonly DrawRecord[],
  before: DrawRecord | null,
  after: DrawRecord,
  actor: DrawActor,
): DrawProblem | null {
  if (
    actor.deletedAt !== null ||
    actor.role !== 'supervisor' ||
    actor.agencyId !== after.agencyId
  ) {
    return 'draw.notSupervisorOfAgency';
  }
  if (before !== null) {
    return canonicalJson(content(before)) === canonicalJson(content(after))
      ? null
      : 'draw.immutable';
  }
  if (after.deletedAt !== null) return 'draw.immutable';
  const period = draws.filter((d) => d.id !== after.id && samePeriod(d, after));
  const current = drawInForce(period);
  if (!current) return after.redraw === null ? null : 'draw.nothingToRedraw';
  if (after.redraw === null) return 'draw.redrawRequired';
  return after.redraw.of === current.id ? null : 'draw.redrawOfNotInForce';
}

/**
 * The draw in force among the draws of one period: the one no other replaces. Redraws form a
 * chain when stored by the rules above; should several remain, the latest drawn is taken.
 */
export function drawInForce(draws: readonly DrawRecord[]): DrawRecord | undefined {
  const replaced = new Set(draws.flatMap((d) => (d.redraw ? [d.redraw.of] : [])));
  return draws
    .filter((d) => d.deletedAt === null && !replaced.has(d.id))
    .reduce<DrawRecord | undefined>(
      (best, d) =>
        best === undefined || Date.parse(d.drawnAt) > Date.parse(best.drawnAt) ? d : best,
      undefined,
    );
}

/** The draws in force of the agency, one per period drawn, by period start. */
export function drawsInForce(draws: readonly DrawRecord[], agencyId: string): DrawRecord[] {
  const byPeriod = new Map<string, DrawRecord[]>();
  for (const d of draws) {
    if (d.agencyId !== agencyId) continue;
    const key = `${d.year}|${d.periodKey}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), d]);
  }
  return [...byPeriod.values()]
    .map((period) => drawInForce(period))
    .filter((d): d is DrawRecord => d !== undefined)
    .sort((a, b) => (a.periodFrom < b.periodFrom ? -1 : a.periodFrom > b.periodFrom ? 1 : 0));
}

/** Every officer–enterprise pair a draw assigned. */
export function assignmentsOf(draw: Pick<DrawRecord, 'result'>): Assignment[] {
  return draw.result.visits.flatMap((v) =>
    v.officerIds.map((officerId) => ({ enterpriseId: v.enterpriseId, officerId })),
  );
}

/**
 * What a new draw of the agency for the period starting `periodFrom` needs from the draws in
 * force before it: the assignments of the latest of them (the previous draw, whatever its year)
 * and the enterprises drawn earlier in the same year. A joint draw adds the partner's previous
 * assignments to `previousAssignments` itself.
 */
export function historyInputs(
  draws: readonly DrawRecord[],
  agencyId: string,
  periodFrom: string,
): { previousAssignments: Assignment[]; drawnEarlierInYear: string[] } {
  const earlier = drawsInForce(draws, agencyId).filter((d) => d.periodFrom < periodFrom);
  const previous = earlier.at(-1);
  const year = periodFrom.slice(0, 4);
  return {
    previousAssignments: previous ? assignmentsOf(previous) : [],
    drawnEarlierInYear: [
      ...new Set(
        earlier
          .filter((d) => d.periodFrom.slice(0, 4) === year)
          .flatMap((d) => d.result.visits.map((v) => v.enterpriseId)),
      ),
    ],
  };
}

/**
 * The enterprises a draw makes due at its agency: what a partner passes as `dueEnterpriseIds`
 * to a joint draw of the same period.
 */
export function dueEnterpriseIds(draw: Pick<DrawRecord, 'result'>): string[] {
  return draw.result.visits.map((v) => v.enterpriseId);
}
