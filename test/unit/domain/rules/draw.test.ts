import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { drawRandomKey, drawRecordOf, runDraw, verifyDraw } from '../../../../domain/rules/draw';
import { DRAW_ALGORITHM } from '../../../../domain/schemas/draw';
import type { DrawInput } from '../../../../domain/schemas/draw';
import type { RiskClass } from '../../../../domain/schemas/risk';
import {
  AGENCY,
  PARTNER,
  drawInput,
  drawInputArb,
  ent,
  makeDrawRecord,
  makePlan,
  off,
  officer,
  target,
} from './draw-fixtures';
import { uid } from './fixture-records';

const classes: RiskClass[] = ['major', 'considerable', 'general', 'low'];
/** 40 enterprises, ten of each class. */
const forty = Array.from({ length: 40 }, (_, n) => target(n, classes[n % 4] as RiskClass));
const six = Array.from({ length: 6 }, (_, n) => officer(n));

const messagesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => i.message);
    throw e;
  }
  return [];
};

describe('runDraw', () => {
  it('draws a quarter of each class for Q1 and staffs each visit with two officers', () => {
    const { result, period } = runDraw(drawInput({ targets: forty, officers: six }));
    expect(period).toEqual({ key: 'Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(result.quotas).toEqual(
      classes.map((riskClass) => ({
        riskClass,
        population: 10,
        shareBp: 2_500,
        beforeBp: 0,
        wanted: 3,
        eligible: 10,
        drawn: 3,
      })),
    );
    expect(result.visits.map((v) => v.riskClass)).toEqual(classes.flatMap((c) => [c, c, c]));
    for (const v of result.visits) {
      expect(v).toMatchObject({ agencyIds: [AGENCY], joint: false, unstaffed: null });
      expect(v.officerIds).toHaveLength(2);
    }
  });

  it('keeps giving fi-draw/1’s result for a published example, so that stored draws stay verifiable', () => {
    const outcome = runDraw(drawInput({ targets: forty, officers: six }));
    expect(DRAW_ALGORITHM).toBe('fi-draw/1');
    expect(outcome.result.visits.slice(0, 3).map((v) => [v.enterpriseId, v.officerIds])).toEqual(
      GOLDEN_FIRST_VISITS,
    );
    expect(outcome.resultHash).toBe(GOLDEN_RESULT_HASH);
  });

  it('draws other enterprises with another seed', () => {
    const a = runDraw(drawInput({ targets: forty, officers: six }));
    const b = runDraw(drawInput({ targets: forty, officers: six, seed: '福彩3D 2026002期 1 4 7' }));
    expect(b.result.visits.map((v) => v.enterpriseId)).not.toEqual(
      a.result.visits.map((v) => v.enterpriseId),
    );
  });

  it('keys the random stream by algorithm, agency, year, period and seed', () => {
    const input = drawInput();
    expect(drawRandomKey(input)).toBe(
      JSON.stringify(['fi-draw/1', AGENCY, 2026, 'Q1', '福彩3D 2026001期 5 8 2']),
    );
    expect(drawRandomKey({ ...input, periodKey: 'Q2' })).not.toBe(drawRandomKey(input));
    expect(drawRandomKey({ ...input, plan: makePlan({ agencyId: PARTNER }) })).not.toBe(
      drawRandomKey(input),
    );
  });

  it('draws the same enterprises whatever the officer list, conflicts and previous assignments', () => {
    fc.assert(
      fc.property(drawInputArb, drawInputArb, (input, other) => {
        const ids = (i: DrawInput) => runDraw(i).result.visits.map((v) => v.enterpriseId);
        expect(
          ids({
            ...input,
            officers: other.officers,
            conflicts: other.conflicts,
            previousAssignments: other.previousAssignments,
          }),
        ).toEqual(ids(input));
      }),
      { numRuns: 50 },
    );
  });

  it('draws what is left of a class and records the shortfall when too few are eligible', () => {
    const targets = [0, 1, 2, 3].map((n) => target(n, 'major'));
    const { result } = runDraw(
      drawInput({
        plan: makePlan({
          periodKind: 'year',
          shares: [{ period: 'Y', shares: { major: 5_000, considerable: 0, general: 0, low: 0 } }],
        }),
        periodKey: 'Y',
        targets,
        officers: six,
        drawnEarlierInYear: [ent(0), ent(1), ent(2)],
      }),
    );
    expect(result.quotas[0]).toEqual({
      riskClass: 'major',
      population: 4,
      shareBp: 5_000,
      beforeBp: 0,
      wanted: 2,
      eligible: 1,
      drawn: 1,
    });
    expect(result.visits.map((v) => v.enterpriseId)).toEqual([ent(3)]);
  });

  it('draws nothing from an empty list', () => {
    const { result } = runDraw(drawInput({ officers: six }));
    expect(result.visits).toEqual([]);
    expect(result.quotas.every((q) => q.population === 0 && q.drawn === 0)).toBe(true);
  });

  it('leaves an enterprise unstaffed when the rules leave fewer than two officers, saying who was excluded and why', () => {
    const { result } = runDraw(
      drawInput({
        plan: makePlan({
          periodKind: 'year',
          shares: [{ period: 'Y', shares: { major: 10_000, considerable: 0, general: 0, low: 0 } }],
        }),
        periodKey: 'Y',
        targets: [target(0, 'major')],
        officers: [
          officer(1, { leave: [{ from: '2026-08-01', to: '2026-08-10' }] }),
          officer(2, { certificateExpiresOn: '2026-11-30' }),
          officer(3),
          officer(4),
          // Another agency's officer is not a candidate at all.
          officer(5, { agencyId: PARTNER }),
        ],
        conflicts: [{ officerId: off(3), enterpriseId: ent(0) }],
        previousAssignments: [{ officerId: off(4), enterpriseId: ent(0) }],
      }),
    );
    expect(result.visits).toEqual([
      {
        enterpriseId: ent(0),
        riskClass: 'major',
        agencyIds: [AGENCY],
        joint: false,
        officerIds: [],
        unstaffed: {
          needed: 2,
          byAgency: [
            {
              agencyId: AGENCY,
              eligible: 0,
              excluded: [
                { officerId: off(1), reasons: ['onLeave'] },
                { officerId: off(2), reasons: ['certificateExpires'] },
                { officerId: off(3), reasons: ['conflict'] },
                { officerId: off(4), reasons: ['sameAsPreviousDraw'] },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('gives an enterprise due at the partner one joint visit with an officer of each agency', () => {
    const input = drawInput({
      targets: forty,
      officers: [...six, officer(10, { agencyId: PARTNER }), officer(11, { agencyId: PARTNER })],
      joint: { partnerAgencyId: PARTNER, dueEnterpriseIds: forty.map((t) => t.enterpriseId) },
    });
    const { result } = runDraw(input);
    expect(result.visits).toHaveLength(12);
    for (const v of result.visits) {
      expect(v).toMatchObject({ agencyIds: [AGENCY, PARTNER], joint: true, unstaffed: null });
      expect(v.officerIds.filter((id) => id === off(10) || id === off(11))).toHaveLength(1);
    }
  });

  it('leaves a joint visit unstaffed when the partner has no officer who may go', () => {
    const { result } = runDraw(
      drawInput({
        targets: forty,
        officers: [...six, officer(10, { agencyId: PARTNER, certificateExpiresOn: '2026-01-31' })],
        joint: { partnerAgencyId: PARTNER, dueEnterpriseIds: [ent(0), ent(1), ent(2), ent(3)] },
      }),
    );
    const joint = result.visits.filter((v) => v.joint);
    for (const v of joint) {
      expect(v.officerIds).toEqual([]);
      expect(v.unstaffed?.byAgency).toEqual([
        { agencyId: AGENCY, eligible: 6, excluded: [] },
        {
          agencyId: PARTNER,
          eligible: 0,
          excluded: [{ officerId: off(10), reasons: ['certificateExpires'] }],
        },
      ]);
    }
  });

  it('refuses input the schema refuses, drawing nothing', () => {
    const base = drawInput({ targets: forty, officers: six });
    const cases: [Partial<DrawInput>, string][] = [
      [{ plan: makePlan({ status: 'draft', approval: null }) }, 'draw.planNotApproved'],
      [{ plan: makePlan({ deletedAt: '2026-02-01T00:00:00.000Z' }) }, 'draw.planNotApproved'],
      [{ periodKey: 'M01' }, 'draw.periodNotInPlan'],
      [{ targets: [...forty, target(0, 'low')] }, 'draw.duplicateTarget'],
      [{ officers: [...six, officer(0, { agencyId: PARTNER })] }, 'draw.duplicateOfficer'],
      [{ joint: { partnerAgencyId: AGENCY, dueEnterpriseIds: [] } }, 'draw.partnerIsOwnAgency'],
      [{ seed: '  ' }, 'required'],
      [{ seed: 'seed\u0000' }, 'text.unstorable'],
    ];
    for (const [change, message] of cases) {
      expect(messagesOf(() => runDraw({ ...base, ...change }))).toEqual([message]);
    }
  });
});

describe('drawRecordOf', () => {
  it('records what was drawn for, the seed, the algorithm, the hashes and the result', () => {
    const input = drawInput({ targets: forty, officers: six });
    const record = makeDrawRecord(input);
    const outcome = runDraw(input);
    expect(record).toMatchObject({
      agencyId: AGENCY,
      planId: input.plan.id,
      planRevision: 1,
      year: 2026,
      periodKey: 'Q1',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      jointPartnerAgencyId: null,
      algorithm: 'fi-draw/1',
      inputHashes: outcome.inputHashes,
      result: outcome.result,
      resultHash: outcome.resultHash,
      redraw: null,
    });
    expect(record.seed.value).toBe(input.seed);
  });

  it('refuses a seed other than the one drawn with', () => {
    const input = drawInput();
    expect(() =>
      drawRecordOf(input, runDraw(input), {
        seed: {
          value: 'another',
          source: 'generated',
          description: '',
          recordedBy: uid(1),
          recordedAt: '2026-01-10T09:00:00.000+08:00',
        },
        drawnBy: uid(1),
        drawnAt: '2026-01-10T09:05:00.000+08:00',
        redraw: null,
      }),
    ).toThrow(RangeError);
  });
});

describe('verifyDraw', () => {
  const input = drawInput({ targets: forty, officers: six });
  const record = makeDrawRecord(input);

  it('matches a draw re-run on its own inputs', () => {
    expect(verifyDraw(record, input)).toEqual({ matches: true, problems: [] });
  });

  it('names an algorithm it does not know', () => {
    const unknown = { ...record, algorithm: 'fi-draw/0' } as unknown as typeof record;
    expect(verifyDraw(unknown, input)).toEqual({ matches: false, problems: ['algorithm.unknown'] });
  });

  it('names inputs of another plan version, period or partner', () => {
    expect(verifyDraw(record, { ...input, periodKey: 'Q2' }).problems).toContain(
      'identity.differs',
    );
    expect(verifyDraw({ ...record, planRevision: 2 }, input).problems).toEqual([
      'identity.differs',
    ]);
    expect(
      verifyDraw(record, { ...input, joint: { partnerAgencyId: PARTNER, dueEnterpriseIds: [] } })
        .problems,
    ).toEqual(['identity.differs', 'inputHash.partnerDue']);
  });

  it('names inputs the schema refuses', () => {
    expect(verifyDraw(record, { ...input, targets: [...forty, forty[0]!] })).toEqual({
      matches: false,
      problems: ['input.invalid'],
    });
  });
});

// The first three visits and the result hash of the example above under fi-draw/1, the visits
// worked out by the reference below. A change here means stored draws would no longer verify: a
// new algorithm needs a new version.
const GOLDEN_FIRST_VISITS: [string, string[]][] = [
  [ent(16), [off(1), off(5)]],
  [ent(36), [off(2), off(0)]],
  [ent(20), [off(3), off(4)]],
];
const GOLDEN_RESULT_HASH = '9639bc1c218756c9fb16b657f73a00a07fd3dfbc10337769454d429a9a312771';

/**
 * The documented algorithm written again from its comments, with Node's SHA-256, for inputs where
 * every officer may serve every visit (no leave, expiry, conflict, previous draw or partner).
 */
function referenceDraw(input: DrawInput): [string, string[]][] {
  const key = JSON.stringify([
    'fi-draw/1',
    input.plan.agencyId,
    input.plan.year,
    input.periodKey,
    input.seed,
  ]);
  const k = createHash('sha256').update(key, 'utf8').digest();
  let counter = 0;
  const words: number[] = [];
  const next = () => {
    if (words.length === 0) {
      const message = Buffer.alloc(36);
      k.copy(message);
      message.writeUInt32BE(counter++, 32);
      const block = createHash('sha256').update(message).digest();
      for (let i = 0; i < 8; i++) words.push(block.readUInt32BE(4 * i));
    }
    return words.shift() as number;
  };
  const below = (n: number) => {
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  };
  const pick = <T>(list: T[], count: number) => {
    const items = [...list];
    for (let i = 0; i < count; i++) {
      const j = i + below(items.length - i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items.slice(0, count);
  };
  const index = input.plan.shares.findIndex((s) => s.period === input.periodKey);
  const drawn = classes.flatMap((c) => {
    const population = input.targets
      .filter((t) => t.riskClass === c)
      .map((t) => t.enterpriseId)
      .sort();
    const share = input.plan.shares[index]?.shares[c] ?? 0;
    const before = input.plan.shares.slice(0, index).reduce((s, p) => s + p.shares[c], 0);
    const round = (bp: number) => Math.floor((2 * bp * population.length + 10_000) / 20_000);
    return pick(population, round(before + share) - round(before));
  });
  const officers = input.officers.map((o) => o.userId).sort();
  const load = new Map<string, number>();
  return drawn.map((enterpriseId) => {
    const chosen = pick(officers, officers.length)
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0))
      .slice(0, 2);
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    return [enterpriseId, chosen];
  });
}

describe('the documented algorithm', () => {
  it('is what the code does: a re-implementation from the comments with Node’s SHA-256 gives the same draws over many seeds', () => {
    fc.assert(
      fc.property(drawInputArb, fc.integer({ min: 2, max: 12 }), (base, n) => {
        const input = {
          ...base,
          officers: Array.from({ length: n }, (_, i) => officer(i)),
          conflicts: [],
          previousAssignments: [],
          drawnEarlierInYear: [],
          joint: null,
        };
        const visits = runDraw(input).result.visits.map((v) => [v.enterpriseId, v.officerIds]);
        expect(visits).toEqual(referenceDraw(input));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the pinned example', () => {
    expect(referenceDraw(drawInput({ targets: forty, officers: six })).slice(0, 3)).toEqual(
      GOLDEN_FIRST_VISITS,
    );
  });
});
