// The order of a penalty case's stages, the statutory time limit of each, who may enter it,
// which document entering it issues, and which stages are overdue. Shared by the server, which
// enforces them, and the screens, which show them.
//
// Who does what follows the administrative penalty procedure: the officers who handle a case
// (承办人员) investigate it, and the agency's responsible person (here a supervisor) decides.
// - 立案: any officer of an agency that took part in the inspection, in whose towns the enterprise
//   is, applies (server/src/cases/case-origin.ts); a supervisor of the case's agency who is
//   neither the applicant nor one of its handling officers approves it (no one approves their own
//   case), which starts 调查取证.
// - 调查取证: the handling officers' work (at least two officers investigate): they, or a
//   supervisor of the agency, link its evidence.
// - 告知: the investigation ends with the responsible person's review of its results, and the
//   notice tells the party the penalty the agency intends: a supervisor moves the case on to it.
// - 听证: recorded when the party asks for one, by a handling officer or a supervisor.
// - 决定: the responsible person's: a supervisor.
// - 执行: the decision served and carried out by the handling officers (or a supervisor).
// - 结案: approved by the responsible person: a supervisor.
// Amending a closed case is, like its evidence, for its handling officers or a supervisor.
// Everything is within the case's agency; the server also requires the enterprise's town to be in
// the officer's jurisdiction (case-store.ts `maySee`).
import type { CaseDocumentKind, CaseStage, CaseStep, PenaltyCase } from '../schemas/penalty-case';
import type { User } from '../schemas/user';
import { addDays, chinaDateOf, daysBetween, todayInChina } from './calendar-date';

/**
 * Each stage's time limit and where it comes from. `from: 'filing'` counts from the day the case
 * was approved (立案), otherwise from the day the stage started. `working` limits count working
 * days: 《行政处罚法》(2021) 第八十五条 makes its "二日、三日、五日、七日" working days, not
 * counting statutory holidays. The app knows weekends but not the State Council's yearly holiday
 * and make-up-day calendar, so such a due day is counted over Monday to Friday only.
 */
export const STAGE_LIMITS: Readonly<
  Record<CaseStage, { days: number; from: 'stage' | 'filing'; working?: true }>
> = {
  // The bureau's own limit for a supervisor to decide an application to open a case: no statute
  // sets a day count from the application. The statutory limit counts from when the violation
  // came to light (《生态环境行政处罚办法》(2023): 十五日内决定是否立案), which the case's
  // origin record, not this stage, holds; the application usually follows it by days.
  filing: { days: 7, from: 'stage' },
  // 调查取证 runs inside the decision's limit: 《行政处罚法》第六十条, 90 days from 立案.
  investigation: { days: 90, from: 'filing' },
  // 告知 (《行政处罚法》第四十四、四十五条: the facts, grounds and the party's right to state
  // their case and defend it): the party may ask for a hearing within 5 (working) days of the
  // notice (第六十四条第一项), and 《安全生产违法行为行政处罚办法》 gives 3 days from receipt of
  // the notice for 陈述、申辩, which the 5 days cover. The decision waits for both.
  notice: { days: 5, from: 'stage', working: true },
  // 听证: 《行政处罚法》第六十四条 sets the 7 days' notice of the hearing, not the day it is
  // held; 30 days from the request is the bureau's own limit, inside the decision's 90 days.
  hearing: { days: 30, from: 'stage' },
  // 决定: 《行政处罚法》第六十条, within 90 days of 立案 (unless a law, regulation or rule says
  // otherwise).
  decision: { days: 90, from: 'filing' },
  // 执行: a fine is paid within 15 days of receiving the decision (《行政处罚法》第六十七条).
  execution: { days: 15, from: 'stage' },
  // 结案: the bureau's own limit for closing the file once the decision is carried out; no
  // statute sets one.
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

/**
 * Who enters each stage: a supervisor of the case's agency (the responsible person), or one of
 * its handling officers (a supervisor of the agency may too). 立案 is applied for under
 * case-origin.ts's rule and 调查取证 entered by the approval (`mayApprove`).
 */
export const STAGE_ACTORS: Readonly<Record<CaseStage, 'supervisor' | 'handlers'>> = {
  filing: 'handlers',
  investigation: 'supervisor',
  notice: 'supervisor',
  hearing: 'handlers',
  decision: 'supervisor',
  execution: 'handlers',
  closing: 'supervisor',
};

/** Who acts on a case: the signed-in officer. */
export type CaseActor = Pick<User, 'id' | 'role' | 'agencyId'>;
type Handled = Pick<PenaltyCase, 'agencyId' | 'openedBy' | 'handlers'>;

/** The document entering a stage issues (and numbers). */
export const STAGE_DOCUMENTS: Readonly<Partial<Record<CaseStage, CaseDocumentKind>>> = {
  notice: 'penaltyNotice',
  decision: 'penaltyDecision',
};

export function nextStages(stage: CaseStage): readonly CaseStage[] {
  return NEXT[stage];
}

/** The case's handling officers; a case opened before they were kept has its applicant. */
export function handlersOf(c: Pick<PenaltyCase, 'openedBy' | 'handlers'>): readonly string[] {
  return c.handlers ?? [c.openedBy];
}

/** Whether the officer works on the case: a handling officer or a supervisor of its agency. */
export function mayHandle(user: CaseActor, c: Handled): boolean {
  if (user.role === 'admin' || user.agencyId !== c.agencyId) return false;
  return user.role === 'supervisor' || handlersOf(c).includes(user.id);
}

/** Whether the officer may move the case on to `stage` (the order is `nextStages`'). */
export function mayEnter(user: CaseActor, c: Handled, stage: CaseStage): boolean {
  return mayHandle(user, c) && (STAGE_ACTORS[stage] === 'handlers' || user.role === 'supervisor');
}

/** Whether the officer may approve or refuse opening the case (立案). */
export function mayApprove(user: CaseActor, c: Handled): boolean {
  return (
    user.role === 'supervisor' &&
    user.agencyId === c.agencyId &&
    user.id !== c.openedBy &&
    !handlersOf(c).includes(user.id)
  );
}

/** The stage the case is in: its last step, while not completed. */
export function currentStep(c: Pick<PenaltyCase, 'steps'>): CaseStep | undefined {
  const last = c.steps.at(-1);
  return last && last.completedAt === null ? last : undefined;
}

/** The day a stage started at `startedAt` is due, for a case approved at `filedAt`. */
export function stageDueOn(stage: CaseStage, startedAt: string, filedAt: string | null): string {
  const limit = STAGE_LIMITS[stage];
  const from = chinaDateOf(limit.from === 'filing' && filedAt !== null ? filedAt : startedAt);
  return limit.working ? addWeekdays(from, limit.days) : addDays(from, limit.days);
}

/** The day `days` working days (Monday to Friday) after `date`; the day itself is not counted. */
function addWeekdays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    // 1970-01-01 was a Thursday: day 0 of the count, weekday 4 (Sunday 0).
    const weekday = (((daysBetween('1970-01-01', day) + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day;
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
