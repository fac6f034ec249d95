import { describe, expect, it } from 'vitest';
import { riskClasses } from '../../../../../domain/schemas/risk';
import {
  countByClass,
  factorReading,
  filterTargets,
  noTargetFilter,
  overrideChoices,
  townsOf,
} from '../../../../../renderer/src/features/lists/target-list-view';
import { targetListSheet } from '../../../../../renderer/src/features/lists/target-list-sheet';
import { lowRowOverridden, row } from './target-list-fixtures';

const general = row({
  enterpriseId: '0197a000-0000-7000-8000-0000000000c3',
  name: 'Beifang Dyes',
  computedClass: 'general',
  riskClass: 'general',
});

describe('the target list as the screen shows it', () => {
  const rows = [general, lowRowOverridden(), row()];

  it('puts the most severe class in force first, then by name', () => {
    expect(filterTargets(rows, noTargetFilter).map((r) => r.name)).toEqual([
      'Anda Coatings',
      'Hengtai Chemical',
      'Beifang Dyes',
    ]);
  });

  it('filters by the class in force, by town and to the overridden', () => {
    const f = noTargetFilter;
    expect(filterTargets(rows, { ...f, riskClass: 'general' }).map((r) => r.name)).toEqual([
      'Beifang Dyes',
    ]);
    expect(filterTargets(rows, { ...f, town: '330604101' }).map((r) => r.name)).toEqual([
      'Anda Coatings',
    ]);
    expect(filterTargets(rows, { ...f, overriddenOnly: true }).map((r) => r.name)).toEqual([
      'Anda Coatings',
    ]);
    // An overridden low enterprise counts as the class it is drawn in.
    expect(filterTargets(rows, { ...f, riskClass: 'low' })).toEqual([]);
  });

  it('counts by class in force, lists each town once, and offers every class but the computed', () => {
    expect(countByClass(rows)).toEqual({ major: 2, considerable: 0, general: 1, low: 0 });
    expect(townsOf(rows)).toEqual(['330604101', '330604400']);
    expect(overrideChoices('general', riskClasses)).toEqual(['major', 'considerable', 'low']);
  });

  it('says what each factor read', () => {
    const [source, open, , record, , track] = row().factors;
    expect(factorReading(source!)).toEqual({
      key: 'majorSource',
      values: { level: 1, R: '123.40' },
    });
    expect(factorReading(open!)).toEqual({ key: 'count', values: { count: 0 } });
    expect(factorReading(record!)).toEqual({
      key: 'onTime',
      values: { from: '2024-11-29', due: 4, closed: 3, percent: 75 },
    });
    expect(factorReading(track!)).toEqual({ key: 'track', values: { track: 'unassigned' } });
    expect(factorReading(lowRowOverridden().factors[0]!).key).toBe('notMajorSource');
  });

  it('exports each row with both classes and the override’s decider, time and reason', () => {
    const sheet = targetListSheet([lowRowOverridden(), row()], {
      town: (code) => `town ${code}`,
      user: (id) => `user ${id.slice(-2)}`,
    });
    expect(sheet.columns).toHaveLength(9);
    expect(sheet.rows[0]?.slice(0, 7)).toEqual([
      'Anda Coatings',
      'town 330604101',
      null,
      10,
      '低风险',
      '重大风险',
      'user e1',
    ]);
    expect(sheet.rows[0]?.[8]).toBe('Unreported ammonia tanks');
    expect(sheet.rows[1]?.slice(4, 9)).toEqual(['重大风险', '重大风险', null, null, null]);
  });
});
