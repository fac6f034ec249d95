// Supervisors' overrides of risk classes in their agency's inspection-target list (检查对象名录库),
// and the list itself as a screen reads it. The server is the authority: the agency, the decider
// and the time are its own, the computed class is its own computation, and only a supervisor of
// the agency whose towns hold the enterprise overrides or withdraws. A new override replaces the
// one in force (which is kept, withdrawn). Changes hold the agency's plan lock, so a draw reads
// the overrides as they were before or after a change, never halfway.
import { todayInChina } from '../../../domain/rules/calendar-date';
import { coversTown } from '../../../domain/rules/jurisdiction';
import type { RiskOverrideProblem } from '../../../domain/rules/target-list';
import { riskOverrideProblem } from '../../../domain/rules/target-list';
import type { RiskOverride } from '../../../domain/schemas/risk';
import { riskOverrideSchema } from '../../../domain/schemas/risk';
import type {
  RiskOverrideRequest,
  TargetListAnswer,
} from '../../../domain/schemas/target-list-api';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { readRecord } from '../sync/record-store';
import { targetRowsNow } from './draw-lists';
import { lockAgency } from './plan-store';
import {
  agencyOverrides,
  insertOverride,
  lockOverride,
  markWithdrawn,
  overridesInForce,
} from './risk-override-store';
import { newRecordEnvelope } from '../db/new-record';

const PROBLEMS: Record<RiskOverrideProblem, [number, string]> = {
  'riskOverride.notSupervisorOfAgency': [
    403,
    "Only a supervisor of the list's agency overrides or withdraws a risk class in it.",
  ],
  'riskOverride.decidedByOther': [403, 'An override is decided by the supervisor who sends it.'],
  'riskOverride.immutable': [409, 'A recorded override is not changed: it is withdrawn.'],
};

const refusedFor = (problem: RiskOverrideProblem) => {
  const [status, message] = PROBLEMS[problem];
  return new ApiError(status, problem, message);
};

async function enterpriseInTowns(tx: Queryable, user: User, id: string) {
  const enterprise = await readRecord(tx, 'enterprise', id);
  if (!enterprise || enterprise.deletedAt !== null) {
    throw new ApiError(400, 'riskOverride.unknownEnterprise', 'enterpriseId names no enterprise.');
  }
  if (!coversTown(user, enterprise.town)) {
    throw new ApiError(
      403,
      'riskOverride.outsideJurisdiction',
      'The enterprise is outside your jurisdiction.',
    );
  }
  return enterprise;
}

/** Records the caller's override of an enterprise's class, replacing the one in force. */
export function decideOverride(
  db: Database,
  user: User,
  body: RiskOverrideRequest,
  now: Date,
): Promise<RiskOverride> {
  return db.transaction(async (tx) => {
    await lockAgency(tx, user.agencyId);
    const at = now.toISOString();
    const override = riskOverrideSchema.parse({
      ...newRecordEnvelope(user.id, at, 1),
      ...body,
      agencyId: user.agencyId,
      decidedBy: user.id,
      decidedAt: at,
    });
    const problem = riskOverrideProblem(null, override, user);
    if (problem) throw refusedFor(problem);
    const enterprise = await enterpriseInTowns(tx, user, body.enterpriseId);
    const today = todayInChina(now);
    const { rows } = await targetRowsNow(tx, user.agencyId, today, (e) => e.id === enterprise.id);
    const computed = rows[0]?.computedClass;
    if (computed !== body.computedClass) {
      throw new ApiError(
        409,
        'riskOverride.computedClassChanged',
        `The computed class is now ${String(computed)}, not ${body.computedClass}: read the list again.`,
      );
    }
    if (body.riskClass === computed) {
      throw new ApiError(
        400,
        'riskOverride.sameAsComputed',
        'An override gives a class other than the computed one; withdraw it to keep the computed.',
      );
    }
    const replaced = (await overridesInForce(tx, user.agencyId)).find(
      (o) => o.enterpriseId === enterprise.id,
    );
    if (replaced) {
      await markWithdrawn(
        tx,
        { ...replaced, deletedAt: at, updatedAt: at, version: replaced.version + 1 },
        user.id,
      );
    }
    await insertOverride(tx, override);
    return override;
  });
}

/** Withdraws an override: the computed class stands again. Withdrawing twice changes nothing. */
export function withdrawOverride(
  db: Database,
  user: User,
  id: string,
  now: Date,
): Promise<RiskOverride> {
  return db.transaction(async (tx) => {
    const peek = await tx.query<{ agency_id: string }>(
      'SELECT agency_id::text AS agency_id FROM risk_overrides WHERE id = $1::uuid',
      [id],
    );
    if (!peek[0]) throw new ApiError(404, 'riskOverride.notFound', 'There is no such override.');
    await lockAgency(tx, peek[0].agency_id);
    const stored = await lockOverride(tx, id);
    if (!stored) throw new ApiError(404, 'riskOverride.notFound', 'There is no such override.');
    const before = stored.override;
    const at = now.toISOString();
    const after =
      before.deletedAt === null
        ? { ...before, deletedAt: at, updatedAt: at, version: before.version + 1 }
        : before;
    const problem = riskOverrideProblem(before, after, user);
    if (problem) throw refusedFor(problem);
    // An enterprise removed from the registry since is off the list: its override may still go.
    const enterprise = await readRecord(tx, 'enterprise', before.enterpriseId);
    if (enterprise && enterprise.deletedAt === null) {
      await enterpriseInTowns(tx, user, before.enterpriseId);
    }
    if (before.deletedAt !== null) return before;
    await markWithdrawn(tx, after, user.id);
    return after;
  });
}

/**
 * The caller's agency's target list over the enterprises of the caller's towns, with every
 * override of those enterprises. Any signed-in user reads their agency's list.
 */
export async function targetListFor(
  db: Database,
  user: User,
  now: Date,
): Promise<TargetListAnswer> {
  const asOf = todayInChina(now);
  return db.transaction(async (tx) => {
    const { rows, enterprises } = await targetRowsNow(tx, user.agencyId, asOf, (e) =>
      coversTown(user, e.town),
    );
    const overrides = (await agencyOverrides(tx, user.agencyId)).filter((o) =>
      enterprises.has(o.override.enterpriseId),
    );
    return {
      agencyId: user.agencyId,
      asOf,
      rows: rows.map((r) => {
        const e = enterprises.get(r.enterpriseId);
        return {
          enterpriseId: r.enterpriseId,
          name: e?.name ?? '',
          town: e?.town ?? '',
          majorHazardLevel: r.majorHazardLevel,
          factors: r.assessment.factors,
          score: r.assessment.score,
          computedClass: r.computedClass,
          riskClass: r.riskClass,
          override: r.override,
        };
      }),
      overrides,
    };
  });
}
