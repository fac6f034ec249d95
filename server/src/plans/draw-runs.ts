// Owns running a draw on the server: from the plan in force and the lists as they are at that
// moment, with the seed recorded before the draw; storing its record, its inputs and its tasks
// in one transaction under the agency's lock; giving a request sent again the draw it made the
// first time (its idempotency key); and re-running a stored draw from its record to verify it.
import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import { todayInChina } from '../../../domain/rules/calendar-date';
import { canonicalHash } from '../../../domain/rules/canonical-json';
import type { Verification } from '../../../domain/rules/draw';
import { drawRecordOf, runDraw, verifyDraw } from '../../../domain/rules/draw';
import type { DrawProblem } from '../../../domain/rules/draw-history';
import {
  drawChangeProblem,
  drawInForce,
  dueEnterpriseIds,
  historyInputs,
} from '../../../domain/rules/draw-history';
import { planPeriod } from '../../../domain/rules/plan-periods';
import { planInForce } from '../../../domain/rules/plan-versions';
import type { DrawInput, DrawRecord } from '../../../domain/schemas/draw';
import type { DrawRequest } from '../../../domain/schemas/plan-requests';
import type { Task } from '../../../domain/schemas/task';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { toIssues, issuesSentence } from '../http/parse-input';
import { readRecord } from '../sync/record-store';
import { officerListNow, targetListNow } from './draw-lists';
import { agencyDraws, drawByKey, insertDraw, readDraw } from './draw-store';
import { conflictsInForce } from './officer-conflicts';
import { writeDrawTasks } from './draw-tasks';
import { lockAgency, planVersions } from './plan-store';
import { visiblePlan } from './plan-writes';
import { newRecordEnvelope } from '../db/new-record';

const DRAW_PROBLEMS: Record<DrawProblem, string> = {
  'draw.notSupervisorOfAgency': "Only a supervisor of the plan's agency runs its draws.",
  'draw.immutable': 'A stored draw is never changed.',
  'draw.redrawRequired':
    'This period has been drawn: a new draw is a redraw naming the draw in force, with a reason.',
  'draw.redrawOfNotInForce': 'A redraw names the draw in force for the same period.',
  'draw.nothingToRedraw': 'This period has no draw to redraw.',
};

const refused = (status: number, code: string, message: string) =>
  new ApiError(status, code, message);

export interface DrawAnswer {
  draw: DrawRecord;
  tasks: Task[];
  /** The request had been made before with the same idempotency key: nothing new was drawn. */
  replayed: boolean;
}

/** What the idempotency key stands for: the same key with another request is refused. */
const requestHashOf = (planId: string, body: DrawRequest) =>
  canonicalHash({
    planId,
    periodKey: body.periodKey,
    seed: body.seed,
    jointPartnerAgencyId: body.jointPartnerAgencyId,
    redraw: body.redraw,
  });

async function partnerInputs(
  tx: Queryable,
  partnerId: string,
  own: { agencyId: string; year: number; periodKey: string; periodFrom: string },
) {
  if (partnerId === own.agencyId) {
    throw refused(400, 'draw.partnerIsOwnAgency', 'A joint draw is made with another agency.');
  }
  if (!(await readRecord(tx, 'agency', partnerId))) {
    throw refused(400, 'draw.unknownPartner', 'jointPartnerAgencyId names no agency.');
  }
  const draws = await agencyDraws(tx, partnerId);
  const current = drawInForce(
    draws.filter((d) => d.year === own.year && d.periodKey === own.periodKey),
  );
  if (!current) {
    throw refused(
      409,
      'draw.partnerNotDrawn',
      'The partner agency has not drawn this period yet: a joint draw follows its draw.',
    );
  }
  return {
    current,
    previousAssignments: historyInputs(draws, partnerId, own.periodFrom).previousAssignments,
  };
}

export function runPlanDraw(
  db: Database,
  user: User,
  planId: string,
  body: DrawRequest,
  now: Date,
): Promise<DrawAnswer> {
  if (user.role !== 'supervisor') {
    throw refused(403, 'draw.notSupervisorOfAgency', DRAW_PROBLEMS['draw.notSupervisorOfAgency']);
  }
  return db.transaction(async (tx) => {
    const requested = await visiblePlan(tx, user, planId);
    await lockAgency(tx, requested.agencyId);
    const requestHash = requestHashOf(planId, body);
    const earlier = await drawByKey(tx, requested.agencyId, body.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw refused(
          409,
          'draw.idempotencyKeyReused',
          'This idempotency key was used for another draw request: use a new key for a new draw.',
        );
      }
      return { draw: earlier.record, tasks: [], replayed: true };
    }

    const plan = planInForce(await planVersions(tx, requested.agencyId, requested.year));
    if (!plan) throw refused(409, 'draw.planNotApproved', 'The plan has no approved version.');
    if (plan.id !== requested.id) {
      throw refused(409, 'draw.planNotInForce', 'Draws follow the approved version in force.');
    }
    const period = planPeriod(plan.year, plan.periodKind, body.periodKey);
    if (!period) {
      throw refused(400, 'draw.periodNotInPlan', `The plan has no period ${body.periodKey}.`);
    }
    // The seed is fixed and stamped before any list is read.
    const seed = {
      value: body.seed.source === 'public' ? body.seed.value : randomBytes(32).toString('hex'),
      source: body.seed.source,
      description: body.seed.description,
      recordedBy: user.id,
      recordedAt: now.toISOString(),
    };

    const draws = await agencyDraws(tx, plan.agencyId);
    const history = historyInputs(draws, plan.agencyId, period.from);
    const partnerId = body.jointPartnerAgencyId;
    const partner = partnerId
      ? await partnerInputs(tx, partnerId, {
          ...plan,
          periodKey: period.key,
          periodFrom: period.from,
        })
      : null;
    const officers = await officerListNow(
      tx,
      partnerId ? [plan.agencyId, partnerId] : [plan.agencyId],
    );
    const input: DrawInput = {
      plan,
      periodKey: period.key,
      seed: seed.value,
      targets: await targetListNow(tx, plan.agencyId, todayInChina(now)),
      officers,
      conflicts: await conflictsInForce(
        tx,
        officers.map((o) => o.userId),
      ),
      previousAssignments: [
        ...history.previousAssignments,
        ...(partner?.previousAssignments ?? []),
      ],
      drawnEarlierInYear: history.drawnEarlierInYear,
      joint:
        partnerId && partner
          ? { partnerAgencyId: partnerId, dueEnterpriseIds: dueEnterpriseIds(partner.current) }
          : null,
    };
    let outcome;
    try {
      outcome = runDraw(input);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const issues = toIssues(error);
      throw new ApiError(
        409,
        'draw.inputInvalid',
        `The lists cannot be drawn from: ${issuesSentence(issues)}.`,
        issues,
      );
    }
    const at = now.toISOString();
    const record: DrawRecord = {
      ...newRecordEnvelope(user.id, at, 1),
      ...drawRecordOf(input, outcome, { seed, drawnBy: user.id, drawnAt: at, redraw: body.redraw }),
    };
    const problem = drawChangeProblem(draws, null, record, user);
    if (problem) {
      throw refused(
        problem === 'draw.notSupervisorOfAgency' ? 403 : 409,
        problem,
        DRAW_PROBLEMS[problem],
      );
    }
    await insertDraw(tx, { record, input }, body.idempotencyKey, requestHash);
    const tasks = await writeDrawTasks(
      tx,
      record,
      { drawId: body.redraw?.of ?? null, partnerDrawId: partner?.current.id ?? null },
      at,
    );
    return { draw: record, tasks, replayed: false };
  });
}

/** A draw the caller may read: of their agency, or of a joint draw their agency is partner of. */
export async function visibleDraw(db: Queryable, user: User, id: string) {
  const draw = await readDraw(db, id);
  const readable =
    draw !== null &&
    (draw.record.agencyId === user.agencyId || draw.record.jointPartnerAgencyId === user.agencyId);
  if (!draw || !readable)
    throw refused(404, 'draw.notFound', 'There is no such draw of your agency.');
  return draw;
}

/** Re-runs a stored draw on the inputs stored with it and says whether everything matches. */
export async function verifyStoredDraw(
  db: Queryable,
  user: User,
  id: string,
): Promise<Verification> {
  const { record, input } = await visibleDraw(db, user, id);
  return verifyDraw(record, input);
}

/** The draws of a plan's agency and year, every one kept (redrawn ones too), oldest first. */
export async function planDraws(db: Queryable, user: User, planId: string): Promise<DrawRecord[]> {
  const plan = await visiblePlan(db, user, planId);
  return (await agencyDraws(db, plan.agencyId)).filter((d) => d.year === plan.year);
}
