import { describe, expect, it } from 'vitest';
import {
  enterpriseTrackProgress,
  milestoneState,
  trackWorkList,
} from '../../../../domain/rules/statistics';
import type { Milestone } from '../../../../domain/schemas/enterprise';
import { ruleEnterprise } from './fixture-records';

const today = '2019-06-30';
const T1 = '330604001';
const T2 = '330604400';
const m = (due: string, doneAt: string | null = null): Milestone => ({
  title: `里程碑 ${due}`,
  due,
  doneAt,
});
const end2017 = '2017-12-31';
const end2020 = '2020-12-31';

const enterprises = [
  // E1: 2017 done, 2020 pending.
  ruleEnterprise(201, {
    town: T1,
    track: 'cluster_upgrade',
    trackMilestones: [m(end2017, '2017-11-20T10:00:00.000+08:00'), m(end2020)],
  }),
  // E2: 2017 overdue, 2020 done early.
  ruleEnterprise(202, {
    town: T2,
    track: 'cluster_upgrade',
    trackMilestones: [m(end2017), m(end2020, '2019-05-01T10:00:00.000+08:00')],
  }),
  // E3: 2017 done late (still done), mid-2020 pending.
  ruleEnterprise(203, {
    town: T1,
    track: 'shutdown',
    trackMilestones: [m(end2017, '2018-03-01T10:00:00.000+08:00'), m('2020-06-30')],
  }),
  // E4: no milestones yet.
  ruleEnterprise(204, { town: T2, track: 'merger', trackMilestones: [] }),
  // E5: due today, so pending rather than overdue.
  ruleEnterprise(205, { town: T1, track: 'unassigned', trackMilestones: [m(today)] }),
  // E6: deleted; its overdue milestone counts for nothing.
  ruleEnterprise(206, {
    town: T1,
    track: 'shutdown',
    trackMilestones: [m(end2017)],
    deletedAt: '2019-01-01T00:00:00.000+08:00',
  }),
];

const totals = (
  enterprisesN: number,
  enterprisesWithOverdue: number,
  milestones: number,
  done: number,
  overdue: number,
  pending: number,
) => ({
  enterprises: enterprisesN,
  enterprisesWithOverdue,
  milestones,
  done,
  overdue,
  pending,
  progress: milestones === 0 ? null : done / milestones,
});

describe('milestoneState', () => {
  it('is done once done, overdue after its due day, pending until then', () => {
    expect(milestoneState(m('2017-12-31', '2018-01-05T00:00:00.000+08:00'), today)).toBe('done');
    expect(milestoneState(m('2019-06-29'), today)).toBe('overdue');
    expect(milestoneState(m(today), today)).toBe('pending');
  });
});

describe('enterpriseTrackProgress', () => {
  it('sums one enterprise', () => {
    expect(enterpriseTrackProgress(enterprises[1]!, today)).toEqual(totals(1, 1, 2, 1, 1, 0));
  });
});

describe('trackWorkList', () => {
  const list = trackWorkList(enterprises, today);

  it('totals the district and each track', () => {
    expect(list.district.total).toEqual(totals(5, 1, 7, 3, 1, 3));
    expect(list.district.byTrack).toEqual({
      cluster_upgrade: totals(2, 1, 4, 2, 1, 1),
      merger: totals(1, 0, 0, 0, 0, 0),
      shutdown: totals(1, 0, 2, 1, 0, 1),
      unassigned: totals(1, 0, 1, 0, 0, 1),
    });
  });

  it('totals each town', () => {
    expect(list.byTown.map((t) => [t.town, t.total])).toEqual([
      [T1, totals(3, 0, 5, 2, 0, 3)],
      [T2, totals(2, 1, 2, 1, 1, 0)],
    ]);
    expect(list.byTown[1]?.byTrack.merger).toEqual(totals(1, 0, 0, 0, 0, 0));
  });

  it('totals the milestones due in each target year', () => {
    expect(list.byDueYear.map((y) => [y.year, y.total])).toEqual([
      [2017, totals(3, 1, 3, 2, 1, 0)],
      [2019, totals(1, 0, 1, 0, 0, 1)],
      [2020, totals(3, 0, 3, 1, 0, 2)],
    ]);
    expect(list.byDueYear[0]?.byTrack.cluster_upgrade).toEqual(totals(2, 1, 2, 1, 1, 0));
  });
});
