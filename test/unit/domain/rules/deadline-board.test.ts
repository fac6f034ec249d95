import { describe, expect, it } from 'vitest';
import {
  anyDeadlineBoardFilter,
  compareByDeadline,
  selectBoard,
} from '../../../../domain/rules/deadline-board';
import type { BoardEntry } from '../../../../domain/rules/deadline-board';

const today = '2026-11-29';
const entry = (id: string, overrides: Partial<BoardEntry>): BoardEntry => ({
  id,
  status: 'open',
  deadline: '2026-12-10',
  grade: 'general',
  category: 'fire',
  enterpriseId: 'e1',
  town: '330604001',
  agencyIds: ['a1'],
  ...overrides,
});

const entries = [
  entry('closed', { status: 'closed', deadline: '2026-10-01' }),
  entry('late-2', { deadline: '2026-11-20', grade: 'major' }),
  entry('late-9', { deadline: '2026-11-01', enterpriseId: 'e2', agencyIds: ['a1', 'a2'] }),
  entry('due-today', { deadline: today, category: 'electrical' }),
  entry('waiting', { status: 'rectified', deadline: '2026-11-02', town: '330604002' }),
  entry('later', { deadline: '2027-01-10', agencyIds: ['a2'] }),
].sort(compareByDeadline);

const ids = (filter = anyDeadlineBoardFilter) =>
  selectBoard(entries, filter, today).positions.map((i) => entries[i]?.id);

describe('the deadline board', () => {
  it('puts overdue first (longest overdue on top), then open, awaiting re-inspection, closed', () => {
    expect(ids()).toEqual(['late-9', 'late-2', 'due-today', 'later', 'waiting', 'closed']);
  });

  it('counts each status under the other filters, whatever status is chosen', () => {
    const { counts, positions } = selectBoard(
      entries,
      { ...anyDeadlineBoardFilter, status: 'overdue', agencyId: 'a1' },
      today,
    );
    expect(counts).toEqual({ all: 5, overdue: 2, open: 1, rectified: 1, closed: 1 });
    expect(positions).toHaveLength(2);
  });

  it('filters by agency, town, enterprise, grade and category', () => {
    const f = anyDeadlineBoardFilter;
    expect(ids({ ...f, agencyId: 'a2' })).toEqual(['late-9', 'later']);
    expect(ids({ ...f, town: '330604002' })).toEqual(['waiting']);
    expect(ids({ ...f, enterpriseId: 'e2' })).toEqual(['late-9']);
    expect(ids({ ...f, grade: 'major' })).toEqual(['late-2']);
    expect(ids({ ...f, category: 'electrical' })).toEqual(['due-today']);
    expect(ids({ ...f, status: 'open', grade: 'major' })).toEqual([]);
  });
});
