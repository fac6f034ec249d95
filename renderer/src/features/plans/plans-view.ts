// How the plans screen groups what the server holds: the agency's plan versions by year, the
// version in force and the open draft of each, and which actions each version offers (the same
// lifecycle rules the server applies, rules/plan-versions.ts).
import { openDraft, planInForce } from '../../../../domain/rules/plan-versions';
import type { Plan } from '../../../../domain/schemas/plan';

export interface PlanYear {
  year: number;
  /** By revision, newest first. */
  versions: Plan[];
  inForce: Plan | undefined;
  draft: Plan | undefined;
}

export function plansByYear(plans: readonly Plan[]): PlanYear[] {
  const years = [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const versions = plans
      .filter((p) => p.year === year && p.deletedAt === null)
      .sort((a, b) => b.revision - a.revision);
    return { year, versions, inForce: planInForce(versions), draft: openDraft(versions) };
  });
}

export interface PlanActions {
  edit: boolean;
  approve: boolean;
  /** Only the version in force is revised, and only while no draft is open. */
  revise: boolean;
  /** Draws follow the version in force. */
  draw: boolean;
}

export function planActions(plan: Plan, year: PlanYear, supervisor: boolean): PlanActions {
  const draft = plan.status === 'draft';
  const inForce = year.inForce?.id === plan.id;
  return {
    edit: supervisor && draft,
    approve: supervisor && draft,
    revise: supervisor && inForce && year.draft === undefined,
    draw: supervisor && inForce,
  };
}

/** The year a new plan is offered for: the next year without a plan, from this year on. */
export function nextPlanYear(plans: readonly Plan[], thisYear: number): number {
  const taken = new Set(plans.map((p) => p.year));
  let year = thisYear;
  while (taken.has(year)) year += 1;
  return year;
}
