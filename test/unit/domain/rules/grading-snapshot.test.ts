import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import { buildGradingSnapshot, snapshotProblem } from '../../../../domain/rules/grading-snapshot';
import { gradingSnapshotSchema } from '../../../../domain/schemas/grading-snapshot';
import { byCas, unitOf } from './gb18218-fixtures';

const AT = '2026-11-29T07:30:00.000Z';
// 20 t chlorine with 100 people: level 3 (gb18218-unit.test.ts works it through).
const chlorine = unitOf([byCas('液氯', '7782-50-5', 20)]);
// 1 t of methanol (Q 500): far below its threshold, not a major hazard source.
const methanol = { ...unitOf([byCas('甲醇', '67-56-1', 1)]), name: '甲醇库' };

describe('buildGradingSnapshot', () => {
  it('keeps the units, the people count, the table version and each unit’s and the enterprise’s level', () => {
    const enterprise = { peopleWithin500m: 100, units: [chlorine, methanol] };
    const snapshot = buildGradingSnapshot(enterprise, AT, defaultGb18218Table);
    expect(snapshot).toEqual({
      at: AT,
      tableVersion: defaultGb18218Table.version,
      peopleWithin500m: 100,
      units: [chlorine, methanol],
      unitLevels: [3, null],
      level: 3,
    });
    expect(gradingSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshotProblem(snapshot)).toBeNull();
  });

  it('is a copy: a later change of the enterprise’s units leaves it as it was', () => {
    const units = [structuredClone(chlorine)];
    const snapshot = buildGradingSnapshot(
      { peopleWithin500m: 100, units },
      AT,
      defaultGb18218Table,
    );
    units[0]!.holdings[0]!.maxQuantityT = 1;
    units.push(methanol);
    expect(snapshot.units).toEqual([chlorine]);
    expect(snapshot.level).toBe(3);
  });

  it('grades an enterprise without units as no major hazard source', () => {
    const snapshot = buildGradingSnapshot(
      { peopleWithin500m: 0, units: [] },
      AT,
      defaultGb18218Table,
    );
    expect([snapshot.unitLevels, snapshot.level]).toEqual([[], null]);
    expect(snapshotProblem(snapshot)).toBeNull();
  });
});

describe('snapshotProblem', () => {
  const made = buildGradingSnapshot(
    { peopleWithin500m: 100, units: [chlorine, methanol] },
    AT,
    defaultGb18218Table,
  );

  it('finds a stated level its units do not give, of the enterprise or of one unit', () => {
    expect(snapshotProblem({ ...made, level: 1 })).toBe('mismatch');
    expect(snapshotProblem({ ...made, unitLevels: [3, 4] })).toBe('mismatch');
    expect(snapshotProblem({ ...made, peopleWithin500m: 0 })).toBe('mismatch');
  });

  it('finds a table version this build does not hold, even under the shipped id', () => {
    expect(
      snapshotProblem({ ...made, tableVersion: { ...made.tableVersion, id: 'gb18218-2018.x.9' } }),
    ).toBe('unknownVersion');
    expect(snapshotProblem({ ...made, tableVersion: { ...made.tableVersion, revision: 2 } })).toBe(
      'unknownVersion',
    );
  });
});
