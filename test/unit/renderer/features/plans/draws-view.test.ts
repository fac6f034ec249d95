// How the draws screen lists a year's draws: by period, the draw in force and every draw kept.
import { describe, expect, it } from 'vitest';
import { drawsByPeriod, visitCounts } from '../../../../../renderer/src/features/plans/draws-view';
import { drawInput, makeDrawRecord } from '../../../domain/rules/draw-fixtures';

describe('draws view', () => {
  const input = drawInput();
  const first = makeDrawRecord(input);
  const redraw = makeDrawRecord(input, {
    drawnAt: '2026-01-11T09:05:00.000+08:00',
    redraw: { of: first.id, reason: '抽中企业已停产' },
  });
  const plan = input.plan;

  it('lists each period of the plan with its draw in force and every draw, the replaced one naming its redraw', () => {
    const periods = drawsByPeriod(plan, [redraw, first]);
    expect(periods.map((p) => p.period.key)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    const q1 = periods[0];
    expect(q1?.inForce?.id).toBe(redraw.id);
    expect(q1?.draws.map((d) => [d.draw.id, d.replacedBy?.id])).toEqual([
      [first.id, redraw.id],
      [redraw.id, undefined],
    ]);
    expect(periods[1]?.draws).toEqual([]);
    expect(periods[1]?.inForce).toBeUndefined();
  });

  it('leaves out draws of another agency or year', () => {
    const other = { ...first, agencyId: '0197a000-0000-7000-8000-0000000000a9' };
    expect(drawsByPeriod(plan, [other])[0]?.draws).toEqual([]);
    expect(drawsByPeriod({ ...plan, year: plan.year + 1 }, [first])[0]?.draws).toEqual([]);
  });

  it('counts the visits, the joint ones and the unstaffed ones', () => {
    const counts = visitCounts(first);
    expect(counts.visits).toBe(first.result.visits.length);
    expect(counts.unstaffed).toBe(first.result.visits.filter((v) => v.unstaffed).length);
  });
});
