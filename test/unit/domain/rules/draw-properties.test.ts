// The draw's properties over many seeds and lists. Each test states its property; the checks
// recompute what they need from the inputs rather than trusting the draw's own account of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskClasses } from '../../../../domain/schemas/risk';
import type { DrawInput, DrawInputHashes, DrawResult } from '../../../../domain/schemas/draw';
import { drawResultHash } from '../../../../domain/rules/draw-audit';
import { drawRecordOf, runDraw, verifyDraw } from '../../../../domain/rules/draw';
import { planPeriod, shareOf } from '../../../../domain/rules/plan-periods';
import { seededRandom } from '../../../../domain/rules/seeded-random';
import { AGENCY, PARTNER, SUPERVISOR, drawInputArb, ent, off, officer } from './draw-fixtures';

const RUNS = { numRuns: 300 };

function periodOf(input: DrawInput) {
  const period = planPeriod(input.plan.year, input.plan.periodKind, input.periodKey);
  if (!period) throw new Error('fixture period missing');
  return period;
}

/** Why the officer may not go to the enterprise, worked out here from the inputs alone. */
function reasonsFor(input: DrawInput, userId: string, enterpriseId: string): string[] {
  const o = input.officers.find((x) => x.userId === userId);
  if (!o) return ['notListed'];
  const { from, to } = periodOf(input);
  const reasons: string[] = [];
  if (o.certificateExpiresOn < to) reasons.push('certificateExpires');
  if (o.leave.some((l) => l.from <= to && l.to >= from)) reasons.push('onLeave');
  if (input.conflicts.some((c) => c.officerId === userId && c.enterpriseId === enterpriseId)) {
    reasons.push('conflict');
  }
  if (
    input.previousAssignments.some((a) => a.officerId === userId && a.enterpriseId === enterpriseId)
  ) {
    reasons.push('sameAsPreviousDraw');
  }
  return reasons;
}

const classOf = (input: DrawInput, enterpriseId: string) =>
  input.targets.find((t) => t.enterpriseId === enterpriseId)?.riskClass;

const shareOfPeriod = (input: DrawInput) =>
  input.plan.shares.find((s) => s.period === input.periodKey)?.shares;

/** A seeded shuffle of a list, to give the same lists in another order. */
const reorder = <T>(list: readonly T[], k: number) => seededRandom(`reorder ${k}`).shuffled(list);

describe('the draw, over many seeds and lists', () => {
  it('draws min(wanted, eligible) of each class, wanted being within one enterprise of share × class size (tolerance: under one enterprise per period)', () => {
    fc.assert(
      fc.property(drawInputArb, (input) => {
        const { result } = runDraw(input);
        const shares = shareOfPeriod(input);
        const earlier = new Set(input.drawnEarlierInYear);
        for (const c of riskClasses) {
          const population = input.targets.filter((t) => t.riskClass === c);
          const eligible = population.filter((t) => !earlier.has(t.enterpriseId)).length;
          const quota = result.quotas.find((q) => q.riskClass === c);
          const drawn = result.visits.filter((v) => v.riskClass === c).length;
          const exact = ((shares?.[c] ?? 0) * population.length) / 10_000;
          expect(quota?.population).toBe(population.length);
          expect(Math.abs((quota?.wanted ?? NaN) - exact)).toBeLessThan(1);
          expect(drawn).toBe(Math.min(quota?.wanted ?? NaN, eligible));
          expect(quota?.drawn).toBe(drawn);
        }
      }),
      RUNS,
    );
  });

  it('over a plan year of draws, each one after the last, draws exactly round(year share × class size) of each class, none twice', () => {
    fc.assert(
      fc.property(drawInputArb, (base) => {
        const drawn: string[] = [];
        const byClass = new Map<string, number>();
        for (const { period } of base.plan.shares) {
          const { result } = runDraw({
            ...base,
            periodKey: period,
            drawnEarlierInYear: [...drawn],
            previousAssignments: [],
          });
          for (const v of result.visits) {
            drawn.push(v.enterpriseId);
            byClass.set(v.riskClass, (byClass.get(v.riskClass) ?? 0) + 1);
          }
        }
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const c of riskClasses) {
          const yearShare = base.plan.shares.reduce((sum, s) => sum + s.shares[c], 0);
          const population = base.targets.filter((t) => t.riskClass === c).length;
          expect(byClass.get(c) ?? 0).toBe(shareOf(yearShare, population));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never breaks an avoidance rule: no officer on leave or whose certificate lapses in the period, none with a declared conflict, none at the same enterprise as in the previous draw, none of another agency', () => {
    fc.assert(
      fc.property(drawInputArb, (input) => {
        for (const visit of runDraw(input).result.visits) {
          for (const officerId of visit.officerIds) {
            expect(reasonsFor(input, officerId, visit.enterpriseId)).toEqual([]);
            const agencyId = input.officers.find((o) => o.userId === officerId)?.agencyId;
            expect(visit.agencyIds).toContain(agencyId);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives every drawn enterprise two distinct certified officers (one of each agency on a joint visit) whenever the rules allow, and otherwise none and, per agency, exactly who was excluded and why', () => {
    fc.assert(
      fc.property(drawInputArb, (input) => {
        for (const visit of runDraw(input).result.visits) {
          const perAgency = 2 / visit.agencyIds.length;
          const candidates = visit.agencyIds.map((agencyId) =>
            input.officers
              .filter((o) => o.agencyId === agencyId)
              .map((o) => ({ o, reasons: reasonsFor(input, o.userId, visit.enterpriseId) })),
          );
          const staffable = candidates.every(
            (list) => list.filter((c) => c.reasons.length === 0).length >= perAgency,
          );
          if (staffable) {
            expect(visit.unstaffed).toBeNull();
            expect(new Set(visit.officerIds).size).toBe(2);
            for (const agencyId of visit.agencyIds) {
              const ofAgency = visit.officerIds.filter(
                (id) => input.officers.find((o) => o.userId === id)?.agencyId === agencyId,
              );
              expect(ofAgency).toHaveLength(perAgency);
            }
            for (const id of visit.officerIds) {
              expect(input.officers.find((o) => o.userId === id)?.certificateNo).toMatch(/\S/);
            }
          } else {
            expect(visit.officerIds).toEqual([]);
            expect(visit.unstaffed?.needed).toBe(2);
            expect(visit.unstaffed?.byAgency).toEqual(
              visit.agencyIds.map((agencyId, i) => ({
                agencyId,
                eligible: (candidates[i] ?? []).filter((c) => c.reasons.length === 0).length,
                excluded: (candidates[i] ?? [])
                  .filter((c) => c.reasons.length > 0)
                  .map((c) => ({ officerId: c.o.userId, reasons: c.reasons }))
                  .sort((a, b) => (a.officerId < b.officerId ? -1 : 1)),
              })),
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('visits no enterprise twice in one period, none drawn earlier in the year, and only listed enterprises in their class', () => {
    fc.assert(
      fc.property(drawInputArb, (input) => {
        const visits = runDraw(input).result.visits;
        const ids = visits.map((v) => v.enterpriseId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const v of visits) {
          expect(input.drawnEarlierInYear).not.toContain(v.enterpriseId);
          expect(v.riskClass).toBe(classOf(input, v.enterpriseId));
        }
      }),
      RUNS,
    );
  });

  it('gives an enterprise drawn and due at the partner one joint visit of both agencies, and every other drawn enterprise a visit of the agency alone', () => {
    fc.assert(
      fc.property(drawInputArb, (input) => {
        const due = new Set(input.joint?.dueEnterpriseIds ?? []);
        for (const v of runDraw(input).result.visits) {
          const joint = input.joint !== null && due.has(v.enterpriseId);
          expect(v.joint).toBe(joint);
          expect(v.agencyIds).toEqual(joint ? [AGENCY, PARTNER] : [AGENCY]);
        }
      }),
      RUNS,
    );
  });

  it('gives the same result and hashes for the same inputs, in whatever order the lists are given', () => {
    fc.assert(
      fc.property(drawInputArb, fc.nat(), (input, k) => {
        const first = runDraw(input);
        const again = runDraw(structuredClone(input));
        const reordered = runDraw({
          ...input,
          targets: reorder(input.targets, k),
          officers: reorder(input.officers, k).map((o) => ({
            ...o,
            leave: reorder(o.leave, k),
          })),
          conflicts: reorder(input.conflicts, k),
          previousAssignments: reorder(input.previousAssignments, k),
          drawnEarlierInYear: reorder(input.drawnEarlierInYear, k),
          joint: input.joint && {
            ...input.joint,
            dueEnterpriseIds: reorder(input.joint.dueEnterpriseIds, k),
          },
        });
        expect(again).toEqual(first);
        expect(reordered).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  type ListName = keyof DrawInputHashes;
  const changes: Record<ListName, (input: DrawInput) => DrawInput> = {
    plan: (i) => ({
      ...i,
      plan: {
        ...i.plan,
        keyInspectionsPerYear: {
          ...i.plan.keyInspectionsPerYear,
          1: (i.plan.keyInspectionsPerYear[1] + 1) % 13,
        },
      },
    }),
    targets: (i) => ({
      ...i,
      targets:
        i.targets.length > 0
          ? i.targets.map((t, n) =>
              n === 0 ? { ...t, riskClass: t.riskClass === 'low' ? 'general' : 'low' } : t,
            )
          : [{ enterpriseId: ent(99_999), riskClass: 'low', majorHazardLevel: null }],
    }),
    officers: (i) => ({
      ...i,
      officers:
        i.officers.length > 0
          ? i.officers.map((o, n) =>
              n === 0 ? { ...o, leave: [...o.leave, { from: '2031-01-01', to: '2031-01-02' }] } : o,
            )
          : [officer(9_999)],
    }),
    conflicts: (i) => ({
      ...i,
      conflicts: [...i.conflicts, { officerId: off(9_999), enterpriseId: ent(99_999) }],
    }),
    previousAssignments: (i) => ({
      ...i,
      previousAssignments: [
        ...i.previousAssignments,
        { officerId: off(9_999), enterpriseId: ent(99_999) },
      ],
    }),
    drawnEarlierInYear: (i) => ({
      ...i,
      drawnEarlierInYear: [...i.drawnEarlierInYear, ent(99_999)],
    }),
    partnerDue: (i) => ({
      ...i,
      joint: i.joint
        ? { ...i.joint, dueEnterpriseIds: [...i.joint.dueEnterpriseIds, ent(99_999)] }
        : { partnerAgencyId: PARTNER, dueEnterpriseIds: [] },
    }),
  };
  const listNames = Object.keys(changes) as ListName[];

  it('changes the hash of an input list that changes, and of no other list', () => {
    fc.assert(
      fc.property(drawInputArb, fc.constantFrom(...listNames), (input, changed) => {
        const before = runDraw(input).inputHashes;
        const after = runDraw(changes[changed](input)).inputHashes;
        for (const name of listNames) {
          if (name === changed) expect(after[name]).not.toBe(before[name]);
          else expect(after[name]).toBe(before[name]);
        }
      }),
      RUNS,
    );
  });

  it('spreads the load: when every officer may serve every visit, their visit counts differ by at most one', () => {
    fc.assert(
      fc.property(drawInputArb, fc.integer({ min: 2, max: 12 }), (base, officers) => {
        const input = {
          ...base,
          officers: Array.from({ length: officers }, (_, n) => officer(n)),
          conflicts: [],
          previousAssignments: [],
          joint: null,
        };
        const counts = new Map(input.officers.map((o) => [o.userId, 0]));
        for (const v of runDraw(input).result.visits) {
          for (const id of v.officerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        const values = [...counts.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('verifies a draw from its record and inputs, and names a changed list, seed or stored result', () => {
    const recordOf = (input: DrawInput) =>
      drawRecordOf(input, runDraw(input), {
        seed: {
          value: input.seed,
          source: 'public',
          description: '',
          recordedBy: SUPERVISOR,
          recordedAt: '2026-01-10T09:00:00.000+08:00',
        },
        drawnBy: SUPERVISOR,
        drawnAt: '2026-01-10T09:05:00.000+08:00',
        redraw: null,
      });
    fc.assert(
      fc.property(drawInputArb, fc.constantFrom(...listNames), (input, changed) => {
        const record = recordOf(input);
        expect(verifyDraw(record, input)).toEqual({ matches: true, problems: [] });

        const other = verifyDraw(record, changes[changed](input));
        expect(other.matches).toBe(false);
        expect(other.problems).toContain(`inputHash.${changed}`);

        const reseeded = verifyDraw(record, { ...input, seed: `${input.seed}+` });
        expect(reseeded.problems).toContain('seed.differs');

        const tampered: DrawResult = {
          ...record.result,
          quotas: record.result.quotas.map((q, n) =>
            n === 0 ? { ...q, wanted: q.wanted + 1 } : q,
          ),
        };
        expect(verifyDraw({ ...record, result: tampered }, input).problems).toEqual([
          'result.hashMismatch',
        ]);
        // A forged result stored with its own hash is found by re-running the draw.
        const forged = { ...record, result: tampered, resultHash: drawResultHash(tampered) };
        expect(verifyDraw(forged, input).problems).toEqual(['result.differs']);
      }),
      { numRuns: 100 },
    );
  });
});
