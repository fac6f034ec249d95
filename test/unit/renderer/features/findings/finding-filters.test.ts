import { beforeEach, describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  noFindingFilters,
  queryFindings,
} from '../../../../../renderer/src/features/findings/finding-filters';
import type { FindingFilters } from '../../../../../renderer/src/features/findings/finding-filters';
import { makeFinding } from '../../../../support/record-fixtures';
import {
  BAIGUAN,
  TODAY,
  putTwoEnterprises,
  queryFindingList,
} from '../../support/finding-list-scene';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));
beforeEach(async () => {
  const { dyes, coat } = await putTwoEnterprises(db);
  await db.findings.bulkPut([
    makeFinding({ enterpriseId: dyes.id, title: 'Leaking valve', deadline: '2030-06-20' }),
    makeFinding({ enterpriseId: dyes.id, title: 'Blocked exit', deadline: '2030-06-01' }),
    makeFinding({
      enterpriseId: coat.id,
      title: 'No gas alarm',
      description: 'The solvent store has no detector',
      grade: 'major',
      deadline: '2030-07-30',
    }),
    makeFinding({
      enterpriseId: coat.id,
      title: 'Torn label',
      status: 'rectified',
      deadline: '2030-05-01',
    }),
    makeFinding({
      enterpriseId: coat.id,
      title: 'Old hose',
      status: 'closed',
      deadline: '2030-06-15',
    }),
    makeFinding({ enterpriseId: dyes.id, title: 'Gone', deletedAt: '2030-06-01T08:00:00.000Z' }),
  ]);
});

async function titles(filters: Partial<FindingFilters>, limit = 50, offset = 0) {
  const result = await queryFindingList(db, filters, { offset, limit });
  return { total: result.total, titles: result.rows.map((r) => r.finding.title) };
}

describe('queryFindings', () => {
  it('lists every live finding by deadline with its enterprise when nothing is set', async () => {
    const result = await queryFindings(db, noFindingFilters, TODAY, { offset: 0, limit: 50 });
    expect(result.total).toBe(5);
    expect(result.rows.map((r) => [r.finding.title, r.enterpriseName])).toEqual([
      ['Torn label', 'Shangyu Coatings'],
      ['Blocked exit', 'Mingda Dyes'],
      ['Old hose', 'Shangyu Coatings'],
      ['Leaking valve', 'Mingda Dyes'],
      ['No gas alarm', 'Shangyu Coatings'],
    ]);
  });

  it('derives overdue from the deadline: an open hazard past it is overdue, not open', async () => {
    expect(await titles({ status: 'overdue' })).toEqual({ total: 1, titles: ['Blocked exit'] });
    expect(await titles({ status: 'open' })).toEqual({
      total: 2,
      titles: ['Leaking valve', 'No gas alarm'],
    });
    // A rectified hazard past its deadline awaits re-inspection: it is not overdue.
    expect(await titles({ status: 'rectified' })).toEqual({ total: 1, titles: ['Torn label'] });
    expect(await titles({ status: 'closed' })).toEqual({ total: 1, titles: ['Old hose'] });
  });

  it('filters by grade and by the town of the enterprise', async () => {
    expect(await titles({ grade: 'major' })).toEqual({ total: 1, titles: ['No gas alarm'] });
    expect((await titles({ town: BAIGUAN })).titles).toEqual(['Blocked exit', 'Leaking valve']);
    expect((await titles({ town: '330604101' })).total).toBe(0);
  });

  it('matches text in the title, the description and the enterprise name, ignoring case', async () => {
    expect((await titles({ text: 'VALVE' })).titles).toEqual(['Leaking valve']);
    expect((await titles({ text: 'solvent' })).titles).toEqual(['No gas alarm']);
    expect((await titles({ text: 'mingda' })).titles).toEqual(['Blocked exit', 'Leaking valve']);
    // The end of one finding's text and the start of the next are not one text.
    expect((await titles({ text: 'dyes\nblocked' })).total).toBe(0);
    expect((await titles({ text: 'coatingsblocked' })).total).toBe(0);
  });

  it('combines every criterion', async () => {
    expect(await titles({ status: 'open', town: BAIGUAN, text: 'dyes' })).toEqual({
      total: 1,
      titles: ['Leaking valve'],
    });
    expect((await titles({ status: 'open', grade: 'major', town: BAIGUAN })).total).toBe(0);
  });

  it('reads only the requested page but counts every match', async () => {
    expect(await titles({}, 2, 1)).toEqual({ total: 5, titles: ['Blocked exit', 'Old hose'] });
  });

  it('sees changes made after the first query', async () => {
    expect((await titles({ text: 'ladder' })).total).toBe(0);
    const extra = makeFinding({ title: 'Broken ladder' });
    await db.findings.put(extra);
    expect((await titles({ text: 'ladder' })).titles).toEqual(['Broken ladder']);
    await db.findings.update(extra.id, { status: 'closed' });
    expect((await titles({ text: 'ladder', status: 'closed' })).total).toBe(1);
    await db.enterprises.clear();
    // With the enterprises gone, their names no longer match.
    expect((await titles({ text: 'mingda' })).total).toBe(0);
  });
});
