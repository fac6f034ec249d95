import { describe, expect, it } from 'vitest';
import { workListFigures } from '../../../../domain/rules/statistics';
import { ruleEnterprise } from './fixture-records';

const today = '2019-06-30';

describe('workListFigures', () => {
  const cluster = ruleEnterprise(201, {
    track: 'cluster_upgrade',
    trackMilestones: [
      { title: 'A', due: '2017-12-31', doneAt: '2017-11-20T10:00:00.000+08:00' },
      { title: 'B', due: '2020-12-31', doneAt: null },
    ],
  });
  const shutdown = ruleEnterprise(202, {
    track: 'shutdown',
    trackMilestones: [{ title: 'C', due: '2017-12-31', doneAt: null }],
  });
  const gone = ruleEnterprise(203, {
    track: 'shutdown',
    deletedAt: '2019-01-01T00:00:00.000+08:00',
  });
  const figures = workListFigures([cluster, shutdown, gone], today);

  it('puts each live enterprise under its track with the state of every milestone', () => {
    expect(figures.byTrack.cluster_upgrade.map((r) => r.enterprise.id)).toEqual([cluster.id]);
    expect(figures.byTrack.shutdown.map((r) => r.enterprise.id)).toEqual([shutdown.id]);
    expect(figures.byTrack.merger).toEqual([]);
    expect(figures.byTrack.unassigned).toEqual([]);
    expect(figures.byTrack.cluster_upgrade[0]?.milestones.map((m) => m.state)).toEqual([
      'done',
      'pending',
    ]);
    expect(figures.byTrack.shutdown[0]?.milestones.map((m) => m.state)).toEqual(['overdue']);
  });

  it('gives each row its progress and the district the same totals', () => {
    expect(figures.byTrack.cluster_upgrade[0]?.progress).toMatchObject({ done: 1, milestones: 2 });
    expect(figures.totals.district.total).toMatchObject({
      enterprises: 2,
      milestones: 3,
      done: 1,
      overdue: 1,
      pending: 1,
    });
    expect(figures.totals.byDueYear.map((y) => y.year)).toEqual([2017, 2020]);
  });
});
