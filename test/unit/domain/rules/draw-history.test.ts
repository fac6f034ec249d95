import { describe, expect, it } from 'vitest';
import {
  assignmentsOf,
  drawChangeProblem,
  drawInForce,
  drawsInForce,
  dueEnterpriseIds,
  historyInputs,
} from '../../../../domain/rules/draw-history';
import type { DrawRecord } from '../../../../domain/schemas/draw';
import type { RiskClass } from '../../../../domain/schemas/risk';
import {
  AGENCY,
  PARTNER,
  drawInput,
  makeDrawRecord,
  makePlan,
  officer,
  target,
} from './draw-fixtures';
import { ruleUser } from './fixture-records';

const supervisor = ruleUser(700, { role: 'supervisor', certificateNo: null, agencyId: AGENCY });
const classes: RiskClass[] = ['major', 'considerable', 'general', 'low'];
const targets = Array.from({ length: 40 }, (_, n) => target(n, classes[n % 4] as RiskClass));
const officers = Array.from({ length: 6 }, (_, n) => officer(n));

const q = (periodKey: string, seed = 'seed', overrides: Partial<DrawRecord> = {}) =>
  makeDrawRecord(drawInput({ periodKey, seed, targets, officers }), overrides);

const later = (minutes: number) =>
  `2026-01-10T${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000+08:00`;

describe('drawChangeProblem', () => {
  const first = q('Q1');

  it('lets a supervisor of the agency store the first draw of a period', () => {
    expect(drawChangeProblem([], null, first, supervisor)).toBeNull();
    // Draws of other periods do not make it a redraw.
    expect(drawChangeProblem([q('Q2')], null, first, supervisor)).toBeNull();
  });

  it('refuses anyone else', () => {
    for (const actor of [
      ruleUser(701, { agencyId: AGENCY }),
      ruleUser(702, { role: 'supervisor', certificateNo: null, agencyId: PARTNER }),
      ruleUser(703, { role: 'admin', certificateNo: null, agencyId: AGENCY }),
      { ...supervisor, deletedAt: later(1) },
    ]) {
      expect(drawChangeProblem([], null, first, actor)).toBe('draw.notSupervisorOfAgency');
    }
  });

  it('never changes or deletes a stored draw, but takes it sent again unchanged', () => {
    const changes: Partial<DrawRecord>[] = [
      { resultHash: '0'.repeat(64) },
      { result: { ...first.result, visits: first.result.visits.slice(1) } },
      { seed: { ...first.seed, value: 'other' } },
      { deletedAt: later(5) },
    ];
    for (const change of changes) {
      expect(drawChangeProblem([first], first, { ...first, ...change }, supervisor)).toBe(
        'draw.immutable',
      );
    }
    expect(
      drawChangeProblem([first], first, { ...first, version: 3, updatedAt: later(9) }, supervisor),
    ).toBeNull();
    expect(drawChangeProblem([], null, { ...q('Q3'), deletedAt: later(1) }, supervisor)).toBe(
      'draw.immutable',
    );
  });

  it('takes a second draw of a period only as a redraw of the one in force, with a reason', () => {
    const again = q('Q1', 'another seed', { drawnAt: later(30) });
    expect(drawChangeProblem([first], null, again, supervisor)).toBe('draw.redrawRequired');
    const redraw = { ...again, redraw: { of: first.id, reason: '种子录入错误，经批准重新抽取' } };
    expect(drawChangeProblem([first], null, redraw, supervisor)).toBeNull();

    const third = q('Q1', 'third seed', {
      drawnAt: later(60),
      redraw: { of: first.id, reason: '再次重抽' },
    });
    expect(drawChangeProblem([first, redraw], null, third, supervisor)).toBe(
      'draw.redrawOfNotInForce',
    );
    expect(
      drawChangeProblem(
        [first, redraw],
        null,
        { ...third, redraw: { of: redraw.id, reason: '再次重抽' } },
        supervisor,
      ),
    ).toBeNull();
  });

  it('refuses a redraw of a period that has no draw', () => {
    const orphan = q('Q4', 'seed', { redraw: { of: first.id, reason: '重抽' } });
    expect(drawChangeProblem([first], null, orphan, supervisor)).toBe('draw.nothingToRedraw');
  });
});

describe('drawInForce and drawsInForce', () => {
  const first = q('Q1');
  const redraw = q('Q1', 'second', {
    drawnAt: later(30),
    redraw: { of: first.id, reason: '重抽' },
  });
  const q2 = q('Q2');

  it('is the last of a chain of redraws; the replaced draws are kept', () => {
    expect(drawInForce([redraw, first])).toBe(redraw);
    expect(drawInForce([first])).toBe(first);
    expect(drawInForce([])).toBeUndefined();
  });

  it('follows the chain of redraws, not the clock: a redraw stamped no later still replaces', () => {
    const sameTime = q('Q1', 'second', { redraw: { of: first.id, reason: '重抽' } });
    expect(sameTime.drawnAt).toBe(first.drawnAt);
    expect(drawInForce([first, sameTime])).toBe(sameTime);
    expect(drawInForce([sameTime, first])).toBe(sameTime);
  });

  it('gives the agency’s draw in force of each period, by period start', () => {
    const partners = q('Q1', 'p', { agencyId: PARTNER, drawnAt: later(90) });
    expect(drawsInForce([q2, redraw, partners, first], AGENCY)).toEqual([redraw, q2]);
  });
});

describe('historyInputs', () => {
  it('takes the previous draw’s assignments and the enterprises drawn earlier in the year', () => {
    const first = q('Q1');
    const redraw = q('Q1', 'second', {
      drawnAt: later(30),
      redraw: { of: first.id, reason: '重抽' },
    });
    const q2 = q('Q2');
    const inputs = historyInputs([first, redraw, q2], AGENCY, '2026-07-01');
    expect(inputs.previousAssignments).toEqual(assignmentsOf(q2));
    expect(new Set(inputs.drawnEarlierInYear)).toEqual(
      new Set([...dueEnterpriseIds(redraw), ...dueEnterpriseIds(q2)]),
    );
    // The replaced draw's enterprises are not counted, unless the redraw drew them too.
    for (const id of dueEnterpriseIds(first)) {
      expect(inputs.drawnEarlierInYear.includes(id)).toBe(
        dueEnterpriseIds(redraw).includes(id) || dueEnterpriseIds(q2).includes(id),
      );
    }
  });

  it('takes the previous draw across the new year, but not its enterprises', () => {
    const plan2025 = makePlan({ year: 2025, id: makePlan().id });
    const q4 = makeDrawRecord(
      drawInput({ plan: plan2025, periodKey: 'Q4', seed: 's', targets, officers }),
    );
    const inputs = historyInputs([q4], AGENCY, '2026-01-01');
    expect(inputs.previousAssignments).toEqual(assignmentsOf(q4));
    expect(inputs.drawnEarlierInYear).toEqual([]);
  });

  it('ignores draws of the period itself and later ones', () => {
    expect(historyInputs([q('Q1'), q('Q2')], AGENCY, '2026-01-01')).toEqual({
      previousAssignments: [],
      drawnEarlierInYear: [],
    });
  });
});

describe('assignmentsOf and dueEnterpriseIds', () => {
  it('list every officer at every enterprise, and the enterprises in draw order', () => {
    const draw = q('Q1');
    expect(assignmentsOf(draw)).toEqual(
      draw.result.visits.flatMap((v) =>
        v.officerIds.map((officerId) => ({ enterpriseId: v.enterpriseId, officerId })),
      ),
    );
    expect(assignmentsOf(draw)).toHaveLength(24);
    expect(dueEnterpriseIds(draw)).toEqual(draw.result.visits.map((v) => v.enterpriseId));
  });
});
