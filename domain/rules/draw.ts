// The random draw (双随机) of one plan period: a pure, deterministic function of its inputs, so
// the same inputs give the same result on any machine, and a verification that re-runs a stored
// draw from its inputs. Version fi-draw/1 does, in this order:
//   1. the random stream is keyed by canonical JSON of
//      ["fi-draw/1", agency id, plan year, period key, seed] (rules/seeded-random.ts), so one
//      published seed gives unrelated streams to different agencies and periods;
//   2. the enterprises are drawn class by class (rules/draw-enterprises.ts);
//   3. each drawn enterprise due at the joint partner too becomes one joint visit of both;
//   4. the visits, in the order drawn, are staffed with officers (rules/draw-officers.ts).
import type { DrawInput, DrawInputHashes, DrawRecord, DrawResult, DrawSeed } from '../schemas/draw';
import { DRAW_ALGORITHM, drawInputSchema } from '../schemas/draw';
import { canonicalJson } from './canonical-json';
import { drawInputHashes, drawResultHash } from './draw-audit';
import { drawEnterprises } from './draw-enterprises';
import { staffVisits } from './draw-officers';
import { planPeriod } from './plan-periods';
import { seededRandom } from './seeded-random';

export interface DrawOutcome {
  result: DrawResult;
  inputHashes: DrawInputHashes;
  resultHash: string;
  period: { key: string; from: string; to: string };
}

/** The key of the draw's random stream. */
export function drawRandomKey(input: Pick<DrawInput, 'plan' | 'periodKey' | 'seed'>): string {
  return canonicalJson([
    DRAW_ALGORITHM,
    input.plan.agencyId,
    input.plan.year,
    input.periodKey,
    input.seed,
  ]);
}

/**
 * Runs the draw. The input is parsed with `drawInputSchema` first, so input it refuses (a plan
 * not approved, a period the plan lacks, an enterprise or officer listed twice, …) throws its
 * ZodError naming what is wrong, and nothing is drawn.
 */
export function runDraw(raw: DrawInput): DrawOutcome {
  const input = drawInputSchema.parse(raw);
  const { plan } = input;
  const period = planPeriod(plan.year, plan.periodKind, input.periodKey);
  if (!period) throw new RangeError(`the plan has no period ${input.periodKey}`);
  const random = seededRandom(drawRandomKey(input));

  const { quotas, drawn } = drawEnterprises(
    input.targets,
    plan,
    input.periodKey,
    new Set(input.drawnEarlierInYear),
    random,
  );
  const partnerDue = new Set(input.joint?.dueEnterpriseIds ?? []);
  const visits = staffVisits(
    drawn.map((t) => ({
      enterpriseId: t.enterpriseId,
      riskClass: t.riskClass,
      agencyIds:
        input.joint && partnerDue.has(t.enterpriseId)
          ? [plan.agencyId, input.joint.partnerAgencyId]
          : [plan.agencyId],
    })),
    input.officers,
    {
      period,
      conflicts: input.conflicts,
      previousAssignments: input.previousAssignments,
    },
    random,
  );

  const result: DrawResult = { quotas, visits };
  return {
    result,
    inputHashes: drawInputHashes(input),
    resultHash: drawResultHash(result),
    period: { key: period.key, from: period.from, to: period.to },
  };
}

type SyncKeys = 'id' | 'version' | 'updatedAt' | 'deletedAt' | 'createdBy';

/**
 * The record of a draw run on `input` (the caller adds the sync fields). The seed must be the
 * one recorded before the draw, and `drawnAt` the server's time when it ran the draw.
 */
export function drawRecordOf(
  input: DrawInput,
  outcome: DrawOutcome,
  meta: {
    seed: DrawSeed;
    drawnBy: string;
    drawnAt: string;
    redraw: DrawRecord['redraw'];
  },
): Omit<DrawRecord, SyncKeys> {
  if (meta.seed.value !== input.seed)
    throw new RangeError('the seed recorded is not the one drawn');
  return {
    agencyId: input.plan.agencyId,
    planId: input.plan.id,
    planRevision: input.plan.revision,
    year: input.plan.year,
    periodKey: outcome.period.key,
    periodFrom: outcome.period.from,
    periodTo: outcome.period.to,
    jointPartnerAgencyId: input.joint?.partnerAgencyId ?? null,
    seed: meta.seed,
    algorithm: DRAW_ALGORITHM,
    inputHashes: outcome.inputHashes,
    result: outcome.result,
    resultHash: outcome.resultHash,
    drawnBy: meta.drawnBy,
    drawnAt: meta.drawnAt,
    redraw: meta.redraw,
  };
}

export type VerificationProblem =
  | 'algorithm.unknown'
  | 'input.invalid'
  | 'identity.differs'
  | 'seed.differs'
  | `inputHash.${keyof DrawInputHashes}`
  /** The stored result is not the one its stored hash was made of. */
  | 'result.hashMismatch'
  /** Re-running the draw on the inputs gives another result. */
  | 'result.differs';

export interface Verification {
  matches: boolean;
  problems: VerificationProblem[];
}

type RecordForVerification = Pick<
  DrawRecord,
  | 'agencyId'
  | 'planId'
  | 'planRevision'
  | 'year'
  | 'periodKey'
  | 'jointPartnerAgencyId'
  | 'seed'
  | 'algorithm'
  | 'inputHashes'
  | 'result'
  | 'resultHash'
>;

/**
 * Re-runs a stored draw on the inputs said to be its own and says whether everything matches:
 * the algorithm, what was drawn for (agency, plan version, period, partner), the seed, each
 * input list's hash, the stored result against its hash, and the re-run's result.
 */
export function verifyDraw(record: RecordForVerification, input: DrawInput): Verification {
  if (record.algorithm !== DRAW_ALGORITHM) {
    return { matches: false, problems: ['algorithm.unknown'] };
  }
  const problems: VerificationProblem[] = [];
  if (drawResultHash(record.result) !== record.resultHash) problems.push('result.hashMismatch');
  const parsed = drawInputSchema.safeParse(input);
  if (!parsed.success) return { matches: false, problems: [...problems, 'input.invalid'] };

  const { plan, joint } = parsed.data;
  const identity = [plan.agencyId, plan.id, plan.revision, plan.year, parsed.data.periodKey];
  const recorded = [
    record.agencyId,
    record.planId,
    record.planRevision,
    record.year,
    record.periodKey,
  ];
  if (
    canonicalJson(identity) !== canonicalJson(recorded) ||
    (joint?.partnerAgencyId ?? null) !== record.jointPartnerAgencyId
  ) {
    problems.push('identity.differs');
  }
  if (parsed.data.seed !== record.seed.value) problems.push('seed.differs');

  const outcome = runDraw(parsed.data);
  for (const key of Object.keys(outcome.inputHashes) as (keyof DrawInputHashes)[]) {
    if (outcome.inputHashes[key] !== record.inputHashes[key]) problems.push(`inputHash.${key}`);
  }
  if (outcome.resultHash !== record.resultHash) problems.push('result.differs');
  return { matches: problems.length === 0, problems };
}
