import { describe, expect, it, vi } from 'vitest';
import { anyDeadlineBoardFilter } from '../../../../../domain/rules/deadline-board';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  listDeadlineBoardRows,
  queryDeadlineBoard,
} from '../../../../../renderer/src/features/deadlines/board-index';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  newId,
} from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const today = '2026-11-29';
const SAFETY = newId();
const ENV = newId();

async function seed() {
  const plant = makeEnterprise({ name: 'Mingda Dyes' });
  const safety = makeInspection({ enterpriseId: plant.id, agencyIds: [SAFETY] });
  const joint = makeInspection({ enterpriseId: plant.id, agencyIds: [SAFETY, ENV] });
  const hazard = (title: string, inspectionId: string, deadline: string) =>
    makeFinding({ title, enterpriseId: plant.id, inspectionId, deadline });
  await db.enterprises.put(plant);
  await db.inspections.bulkPut([safety, joint]);
  await db.findings.bulkPut([
    hazard('Soon', safety.id, '2026-12-01'),
    hazard('Late', joint.id, '2026-11-01'),
    hazard('Deleted', joint.id, '2026-10-01'),
  ]);
  const deleted = (await db.findings.toArray()).find((f) => f.title === 'Deleted')!;
  await db.findings.put({ ...deleted, deletedAt: '2026-11-02T00:00:00.000Z' });
}

describe('the board index', () => {
  it('lists every filtered row in board order, with days remaining, for an export', async () => {
    await seed();
    const rows = await listDeadlineBoardRows(db, anyDeadlineBoardFilter, today);
    expect(rows.map((r) => [r.finding.title, r.status, r.daysRemaining, r.enterpriseName])).toEqual(
      [
        ['Late', 'overdue', -28, 'Mingda Dyes'],
        ['Soon', 'open', 2, 'Mingda Dyes'],
      ],
    );
    const env = await listDeadlineBoardRows(
      db,
      { ...anyDeadlineBoardFilter, agencyId: ENV },
      today,
    );
    expect(env.map((r) => r.finding.title)).toEqual(['Late']);
  });

  it('sees a change made after it was built', async () => {
    await seed();
    const first = await queryDeadlineBoard(db, anyDeadlineBoardFilter, today, {
      offset: 0,
      limit: 1,
    });
    expect(first).toMatchObject({ total: 2, counts: { overdue: 1, open: 1 } });
    expect(first.rows.map((r) => r.finding.title)).toEqual(['Late']);
    const late = first.rows[0]!.finding;
    await db.findings.put({ ...late, status: 'rectified' });
    const next = await queryDeadlineBoard(db, anyDeadlineBoardFilter, today, {
      offset: 0,
      limit: 5,
    });
    expect(next.counts).toMatchObject({ overdue: 0, open: 1, rectified: 1 });
  });

  it('reads back only what a write touched, hazards, enterprises and inspections alike', async () => {
    await seed();
    const query = () =>
      listDeadlineBoardRows(db, { ...anyDeadlineBoardFilter, agencyId: ENV }, today);
    expect((await query()).map((r) => r.finding.title)).toEqual(['Late']);
    const readAll = vi.spyOn(db.findings, 'toArray');

    const plant = (await db.enterprises.toArray())[0]!;
    const safety = (await db.inspections.toArray()).find((i) => i.agencyIds.length === 1)!;
    await db.enterprises.put({ ...plant, name: 'Mingda Dyes Co.' });
    await db.inspections.put({ ...safety, agencyIds: [SAFETY, ENV] });
    const rows = await query();
    expect(rows.map((r) => [r.finding.title, r.enterpriseName])).toEqual([
      ['Late', 'Mingda Dyes Co.'],
      ['Soon', 'Mingda Dyes Co.'],
    ]);

    const soon = rows[1]!.finding;
    await db.findings.put({ ...soon, deadline: '2026-10-15' });
    expect((await query()).map((r) => r.finding.title)).toEqual(['Soon', 'Late']);
    expect(readAll).not.toHaveBeenCalled();

    // A cleared table names no keys: everything is read again.
    await db.findings.clear();
    expect(await query()).toEqual([]);
    expect(readAll).toHaveBeenCalledTimes(1);
  });
});
