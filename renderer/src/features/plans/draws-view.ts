// How the draws of a plan's year are shown: by period of the plan in force, each period's draw in
// force and every draw made of it (redrawn ones kept and marked), and who an unstaffed visit
// could not be sent and why.
import { drawInForce } from '../../../../domain/rules/draw-history';
import type { PlanPeriod } from '../../../../domain/rules/plan-periods';
import { planPeriods } from '../../../../domain/rules/plan-periods';
import type { DrawRecord } from '../../../../domain/schemas/draw';
import type { Plan } from '../../../../domain/schemas/plan';

export interface PeriodDraws {
  period: PlanPeriod;
  /** The draw the period's tasks come from; undefined before the first draw. */
  inForce: DrawRecord | undefined;
  /** Every draw of the period, oldest first; each replaced one names the redraw replacing it. */
  draws: { draw: DrawRecord; replacedBy: DrawRecord | undefined }[];
}

export function drawsByPeriod(
  plan: Pick<Plan, 'year' | 'periodKind' | 'agencyId'>,
  draws: readonly DrawRecord[],
): PeriodDraws[] {
  const own = draws.filter((d) => d.agencyId === plan.agencyId && d.year === plan.year);
  return planPeriods(plan.year, plan.periodKind).map((period) => {
    const of = own
      .filter((d) => d.periodKey === period.key)
      .sort((a, b) => Date.parse(a.drawnAt) - Date.parse(b.drawnAt));
    return {
      period,
      inForce: drawInForce(of),
      draws: of.map((draw) => ({
        draw,
        replacedBy: of.find((d) => d.redraw?.of === draw.id),
      })),
    };
  });
}

/** Draws of other periods than the plan's (a plan revised to another period kind). */
export function drawsOutsidePeriods(
  plan: Pick<Plan, 'year' | 'periodKind' | 'agencyId'>,
  draws: readonly DrawRecord[],
): DrawRecord[] {
  const keys = new Set(planPeriods(plan.year, plan.periodKind).map((p) => p.key));
  return draws.filter((d) => d.year === plan.year && !keys.has(d.periodKey));
}

// A type, not an interface: it is passed as i18n interpolation values.
export type VisitCounts = {
  visits: number;
  joint: number;
  unstaffed: number;
};

export function visitCounts(draw: Pick<DrawRecord, 'result'>): VisitCounts {
  const visits = draw.result.visits;
  return {
    visits: visits.length,
    joint: visits.filter((v) => v.joint).length,
    unstaffed: visits.filter((v) => v.unstaffed !== null).length,
  };
}
