// The plan editor's values and how they become what the server takes: shares are edited as
// percentages (two decimals) and sent in basis points; the periods follow the period kind. The
// values are checked with the domain's schemas, the whole plan's rules included (a year's shares
// of a class at most 100 %), before anything is sent.
import type { z } from 'zod';
import type { ClassShares, PeriodKind, Plan } from '../../../../domain/schemas/plan';
import { periodKeysOf, planSchema } from '../../../../domain/schemas/plan';
import type { PlanCreate, PlanEdit } from '../../../../domain/schemas/plan-requests';
import { planCreateSchema, planEditSchema } from '../../../../domain/schemas/plan-requests';
import type { RiskClass } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';

export const LEVELS = ['1', '2', '3', '4'] as const;
export type LevelKey = (typeof LEVELS)[number];

export interface PlanFormValues {
  year: number;
  title: string;
  keyInspectionsPerYear: Record<LevelKey, number>;
  periodKind: PeriodKind;
  /** Percent of each class's enterprises, by period key and class. */
  shares: Record<string, Record<RiskClass, number>>;
}

/** A year's share of each class a new plan starts from, in basis points. */
const YEAR_DEFAULT: ClassShares = { major: 10_000, considerable: 6000, general: 4000, low: 2000 };

export const percentOf = (bp: number): number => bp / 100;
export const bpOf = (percent: number): number => Math.round(percent * 100);

/** The year's shares spread over the kind's periods, whole basis points, none over the year. */
export function spreadShares(
  kind: PeriodKind,
  yearly: ClassShares,
): Record<string, Record<RiskClass, number>> {
  const keys = periodKeysOf(kind);
  return Object.fromEntries(
    keys.map((key) => [
      key,
      Object.fromEntries(
        riskClasses.map((c) => [c, percentOf(Math.floor(yearly[c] / keys.length))]),
      ) as Record<RiskClass, number>,
    ]),
  );
}

export function newPlanValues(year: number): PlanFormValues {
  return {
    year,
    title: `${year}年度监督检查计划`,
    keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1, 4: 1 },
    periodKind: 'quarter',
    shares: spreadShares('quarter', YEAR_DEFAULT),
  };
}

export function valuesOf(plan: Plan): PlanFormValues {
  return {
    year: plan.year,
    title: plan.title,
    keyInspectionsPerYear: {
      1: plan.keyInspectionsPerYear[1],
      2: plan.keyInspectionsPerYear[2],
      3: plan.keyInspectionsPerYear[3],
      4: plan.keyInspectionsPerYear[4],
    },
    periodKind: plan.periodKind,
    shares: Object.fromEntries(
      plan.shares.map((s) => [
        s.period,
        Object.fromEntries(riskClasses.map((c) => [c, percentOf(s.shares[c])])),
      ]),
    ) as PlanFormValues['shares'],
  };
}

/** Each class's total over the year of the values' periods, in basis points. */
export function yearTotals(values: Pick<PlanFormValues, 'periodKind' | 'shares'>): ClassShares {
  const totals: ClassShares = { major: 0, considerable: 0, general: 0, low: 0 };
  for (const key of periodKeysOf(values.periodKind)) {
    for (const c of riskClasses) totals[c] += bpOf(Number(values.shares[key]?.[c] ?? 0));
  }
  return totals;
}

/** The shares after the period kind changed: the year's totals spread over the new periods. */
export function sharesForKind(
  values: Pick<PlanFormValues, 'periodKind' | 'shares'>,
  kind: PeriodKind,
): PlanFormValues['shares'] {
  const totals = yearTotals(values);
  const capped = Object.fromEntries(
    riskClasses.map((c) => [c, Math.min(10_000, totals[c])]),
  ) as ClassShares;
  return spreadShares(kind, capped);
}

/** The content the server takes (shares in basis points, periods in the kind's order). */
export function contentOf(values: PlanFormValues): Omit<PlanCreate, 'year'> {
  return {
    title: values.title,
    keyInspectionsPerYear: {
      1: Number(values.keyInspectionsPerYear[1]),
      2: Number(values.keyInspectionsPerYear[2]),
      3: Number(values.keyInspectionsPerYear[3]),
      4: Number(values.keyInspectionsPerYear[4]),
    },
    periodKind: values.periodKind,
    shares: periodKeysOf(values.periodKind).map((period) => ({
      period,
      shares: Object.fromEntries(
        riskClasses.map((c) => [c, bpOf(Number(values.shares[period]?.[c] ?? Number.NaN))]),
      ) as ClassShares,
    })),
  };
}

/** A problem of the form: on a field (antd name path) or, with an empty name, the whole form. */
export interface FormProblem {
  name: (string | number)[];
  /** A validation message key (errors.*), as the domain schemas give them. */
  message: string;
}

/** An issue's field in the editor: shares[i].shares.c is the period's class cell. */
function fieldOf(path: readonly PropertyKey[], content: Omit<PlanCreate, 'year'>) {
  const [head, index, , riskClass] = path;
  if (head === 'shares' && typeof index === 'number' && typeof riskClass === 'string') {
    const period = content.shares[index]?.period;
    return period ? ['shares', period, riskClass] : [];
  }
  if (head === 'keyInspectionsPerYear' && path[1] !== undefined) {
    return ['keyInspectionsPerYear', String(path[1])];
  }
  if (head === 'title' || head === 'year') return [head];
  return [];
}

const problemsOf = (issues: readonly z.core.$ZodIssue[], content: Omit<PlanCreate, 'year'>) =>
  issues.map((issue) => ({ name: fieldOf(issue.path, content), message: issue.message }));

type Checked<T> = { ok: true; request: T } | { ok: false; problems: FormProblem[] };

/**
 * The request, or the problems the domain finds: the request's schema, then the plan's own
 * rules on the plan as it would be stored (`base`: the draft edited, or the new plan's identity).
 */
function check<T>(
  values: PlanFormValues,
  schema: z.ZodType<T>,
  request: unknown,
  base: Plan,
): Checked<T> {
  const content = contentOf(values);
  const parsed = schema.safeParse(request);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error.issues, content) };
  const whole = planSchema.safeParse({ ...base, ...content });
  if (!whole.success) return { ok: false, problems: problemsOf(whole.error.issues, content) };
  return { ok: true, request: parsed.data };
}

export function checkCreate(
  values: PlanFormValues,
  identity: { agencyId: string; userId: string; placeholderId: string },
): Checked<PlanCreate> {
  const base: Plan = {
    id: identity.placeholderId,
    version: 1,
    updatedAt: new Date(0).toISOString(),
    deletedAt: null,
    createdBy: identity.userId,
    agencyId: identity.agencyId,
    year: Number(values.year),
    revision: 1,
    previousRevisionId: null,
    revisionReason: null,
    status: 'draft',
    approval: null,
    ...contentOf(values),
  };
  return check(values, planCreateSchema, { year: Number(values.year), ...contentOf(values) }, base);
}

export function checkEdit(values: PlanFormValues, draft: Plan): Checked<PlanEdit> {
  return check(values, planEditSchema, { baseVersion: draft.version, ...contentOf(values) }, draft);
}
