// The order of a penalty case's stages, the statutory time limit of each, who may complete it,
// which document entering it issues, and which stages are overdue. Shared by the server, which
// enforces them, and the screens, which show them.
import type { CaseDocumentKind, CaseStage, CaseStep, PenaltyCase } from '../schemas/penalty-case';
import type { Role } from '../schemas/user';
import { addDays, chinaDateOf, todayInChina } from './calendar-date';

/**
 * Time limits in calendar days. `from: 'filing'` counts from the day the case was approved
 * (立案): the decision must be made within 90 days of it, and investigation, notice and hearing
 * all run inside that limit. Otherwise the limit counts from the day the stage started: a case
 * is approved or refused within 7 days of the request, the party has 5 days after the notice to
 * ask for a hearing, a hearing is held within 30 days of the request, a fine is paid within 15
 * days of the decision, and a case is closed within 15 days of its execution ending.
 */
export const STAGE_LIMITS: Readonly<Record<CaseStage, { days: number; from: 'stage' | 'filing' }>> =
  {
    filing: { days: 7, from: 'stage' },
    investigation: { days: 90, from: 'filing' },
    notice: { days: 5, from: 'stage' },
    hearing: { days: 30, from: 'stage' },
    decision: { days: 90, from: 'filing' },
    execution: { days: 15, from: 'stage' },
    closing: { days: 15, from: 'stage' },
  };

/** The stages that may follow a stage: a hearing only after the notice, and only if asked. */
const NEXT: Readonly<Record<CaseStage, readonly CaseStage[]>> = {
  filing: ['investigation'],
  investigation: ['notice'],
  notice: ['hearing', 'decision'],
  hearing: ['decision'],
  decision: ['execution'],
  execution: ['closing'],
  closing: [],
};

/** Stages that a supervisor (the bureau's responsible person) must enter: 决定 and 结案. */
const SUPERVISOR_STAGES: ReadonlySet<CaseStage> = new Set(['decision', 'closing']);

/** The document entering a stage issues (and numbers). */
export const STAGE_DOCUMENTS: Readonly<Partial<Record<CaseStage, CaseDocumentKind>>> = {
  notice: 'penaltyNotice',
  decision: 'penaltyDecision',
};

export function nextStages(stage: CaseStage): readonly CaseStage[] {
  return NEXT[stage];
}

export function mayEnter(role: Role, stage: CaseStage): boolean {
  if (role === 'admin') return false;
  return role === 'supervisor' || !SUPERVISOR_STAGES.has(stage);
}

/** The stage the case is in: its last step, while not completed. */
export function currentStep(c: Pick<PenaltyCase, 'steps'>): CaseStep | undefined {
  const last = c.steps.at(-1);
  return last && last.completedAt === null ? last : undefined;
}

/** The day a stage started at `startedAt` is due, for a case approved at `filedAt`. */
export function stageDueOn(stage: CaseStage, startedAt: string, filedAt: string | null): string {
  const limit = STAGE_LIMITS[stage];
  const from = limit.from === 'filing' && filedAt !== null ? filedAt : startedAt;
  return addDays(chinaDateOf(from), limit.days);
}

/** Whether the case's current stage is past its due day at `now`. */
export function isOverdue(c: Pick<PenaltyCase, 'steps' | 'status'>, now: Date): boolean {
  if (c.status !== 'open' && c.status !== 'pending') return false;
  const step = currentStep(c);
  return step !== undefined && todayInChina(now) > step.dueOn;
}

/** Cases with an overdue stage first (the longest overdue first), then by due day, then newest. */
export function byUrgency<T extends Pick<PenaltyCase, 'steps' | 'status' | 'openedAt'>>(
  cases: readonly T[],
  now: Date,
): T[] {
  const key = (c: T) => currentStep(c)?.dueOn ?? '9999-12-31';
  return [...cases].sort((a, b) => {
    const overdue = Number(isOverdue(b, now)) - Number(isOverdue(a, now));
    if (overdue !== 0) return overdue;
    const due = key(a).localeCompare(key(b));
    return due !== 0 ? due : b.openedAt.localeCompare(a.openedAt);
  });
}

/** How many cases wait for approval, are open, and have an overdue stage (the dashboard's). */
export function caseCounts(
  cases: readonly Pick<PenaltyCase, 'steps' | 'status'>[],
  now: Date,
): { pending: number; open: number; overdue: number } {
  return {
    pending: cases.filter((c) => c.status === 'pending').length,
    open: cases.filter((c) => c.status === 'open').length,
    overdue: cases.filter((c) => isOverdue(c, now)).length,
  };
}
