// Officer lists and whole draw inputs for the draw tests, and fast-check arbitraries of draw
// inputs (plans and target lists come from plan-fixtures.ts). Inputs are parsed with their
// schema, so a fixture that drifts from the schema fails loudly.
import fc from 'fast-check';
import { addDays } from '../../../../domain/rules/calendar-date';
import { drawRecordOf, runDraw } from '../../../../domain/rules/draw';
import type { DrawInput, DrawRecord } from '../../../../domain/schemas/draw';
import { drawInputSchema, drawRecordSchema } from '../../../../domain/schemas/draw';
import type { OfficerEntry } from '../../../../domain/schemas/officer';
import { uid } from './fixture-records';
import {
  AGENCY,
  PARTNER,
  SUPERVISOR,
  YEAR,
  ent,
  makePlan,
  off,
  planArb,
  targetsArb,
} from './plan-fixtures';

export { AGENCY, PARTNER, SUPERVISOR, YEAR, ent, makePlan, off, target } from './plan-fixtures';

export function officer(n: number, overrides: Partial<OfficerEntry> = {}): OfficerEntry {
  return {
    userId: off(n),
    agencyId: AGENCY,
    certificateNo: `ZJ-${String(n).padStart(6, '0')}`,
    certificateExpiresOn: '2028-12-31',
    leave: [],
    ...overrides,
  };
}

export function drawInput(overrides: Partial<DrawInput> = {}): DrawInput {
  return drawInputSchema.parse({
    plan: makePlan(),
    periodKey: 'Q1',
    seed: '福彩3D 2026001期 5 8 2',
    targets: [],
    officers: [],
    conflicts: [],
    previousAssignments: [],
    drawnEarlierInYear: [],
    joint: null,
    ...overrides,
  });
}

// --- arbitraries -------------------------------------------------------------------------------

/** A seed as a person would type it: any storable text, trimmed and not empty. */
export const seedArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= 150);

const dayOfYear = (n: number) => addDays(`${YEAR}-01-01`, n);

const officerArb = (agencyId: string) =>
  fc.record({
    agencyId: fc.constant(agencyId),
    // Most certificates run well past the year; some lapse during it or before it starts.
    expiresIn: fc.oneof(
      { weight: 4, arbitrary: fc.constant(1_000) },
      { weight: 1, arbitrary: fc.integer({ min: -30, max: 400 }) },
    ),
    leave: fc.oneof(
      { weight: 2, arbitrary: fc.constant<{ start: number; days: number }[]>([]) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.record({
            start: fc.integer({ min: -20, max: 364 }),
            days: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      },
    ),
  });

/**
 * Whole draw inputs: up to 60 enterprises of random classes, up to 14 officers of the agency and
 * 6 of a partner, random certificate expiries and leave, conflicts, previous assignments,
 * enterprises drawn earlier in the year, and a joint partner half the time.
 */
export const drawInputArb: fc.Arbitrary<DrawInput> = fc
  .record({
    plan: planArb,
    periodIndex: fc.nat(),
    seed: seedArb,
    targets: targetsArb,
    own: fc.oneof(
      { weight: 4, arbitrary: fc.array(officerArb(AGENCY), { minLength: 3, maxLength: 14 }) },
      { weight: 1, arbitrary: fc.array(officerArb(AGENCY), { maxLength: 3 }) },
    ),
    partner: fc.array(officerArb(PARTNER), { maxLength: 6 }),
    conflicts: fc.array(fc.record({ o: fc.nat(), e: fc.nat() }), { maxLength: 30, size: 'medium' }),
    previous: fc.array(fc.record({ o: fc.nat(), e: fc.nat() }), { maxLength: 30, size: 'medium' }),
    earlier: fc.array(fc.nat(), { maxLength: 20 }),
    joint: fc.option(fc.array(fc.nat(), { maxLength: 40, size: 'medium' }), { nil: null }),
  })
  .map((w) => {
    const keys = w.plan.shares.map((s) => s.period);
    const { targets } = w;
    const officers = [...w.own, ...w.partner].map((o, i) =>
      officer(i, {
        agencyId: o.agencyId,
        certificateExpiresOn: dayOfYear(o.expiresIn),
        leave: o.leave.map((l) => ({ from: dayOfYear(l.start), to: dayOfYear(l.start + l.days) })),
      }),
    );
    // Pairs may name enterprises beyond the list (some ids are simply not drawn).
    const pairs = (list: { o: number; e: number }[]) =>
      officers.length === 0
        ? []
        : list.map(({ o, e }) => ({
            officerId: (officers[o % officers.length] as OfficerEntry).userId,
            enterpriseId: ent(e % (targets.length + 1)),
          }));
    return drawInput({
      plan: w.plan,
      periodKey: keys[w.periodIndex % keys.length] as string,
      seed: w.seed,
      targets,
      officers,
      conflicts: pairs(w.conflicts),
      previousAssignments: pairs(w.previous),
      drawnEarlierInYear: [...new Set(w.earlier.map((e) => ent(e % (targets.length + 5))))],
      joint:
        w.joint === null
          ? null
          : {
              partnerAgencyId: PARTNER,
              dueEnterpriseIds: [...new Set(w.joint.map((e) => ent(e % (targets.length + 5))))],
            },
    });
  });

let drawIds = 0;

/** The stored record of a draw run on `input`, as the server would keep it. */
export function makeDrawRecord(input: DrawInput, overrides: Partial<DrawRecord> = {}): DrawRecord {
  const outcome = runDraw(input);
  return drawRecordSchema.parse({
    id: uid(40_000 + ++drawIds),
    version: 1,
    updatedAt: '2026-01-10T09:05:00.000+08:00',
    deletedAt: null,
    createdBy: SUPERVISOR,
    ...drawRecordOf(input, outcome, {
      seed: {
        value: input.seed,
        source: 'public',
        description: '中国福利彩票3D 2026001期开奖号码',
        recordedBy: SUPERVISOR,
        recordedAt: '2026-01-10T09:00:00.000+08:00',
      },
      drawnBy: SUPERVISOR,
      drawnAt: '2026-01-10T09:05:00.000+08:00',
      redraw: null,
    }),
    ...overrides,
  });
}
