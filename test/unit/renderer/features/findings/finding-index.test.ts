import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  removeFinding,
  saveFindingContent,
} from '../../../../../renderer/src/db/repositories/findings';
import { applyPulledPage } from '../../../../../renderer/src/db/repositories/synced-records';
import type { PulledChange } from '../../../../../renderer/src/db/repositories/synced-records';
import {
  buildFindingIndex,
  findingIndex,
  onFindingIndexStale,
} from '../../../../../renderer/src/features/findings/finding-index';
import type { FindingIndex } from '../../../../../renderer/src/features/findings/finding-index';
import type { FindingFilters } from '../../../../../renderer/src/features/findings/finding-filters';
import { makeFinding, newId } from '../../../../support/record-fixtures';
import {
  BAIGUAN,
  ZONE,
  putTwoEnterprises,
  queryFindingList,
} from '../../support/finding-list-scene';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

/**
 * Counts the findings table's reads by kind from now on (a full read is a query, a read-back or a
 * page is a getMany). Reopens the database, so it comes before anything is cached.
 */
async function countFindingReads(database: FieldInspectorDb) {
  const counts = { query: 0, getMany: 0 };
  database.close();
  database.use({
    stack: 'dbcore',
    name: 'count-finding-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'findings') return table;
        return {
          ...table,
          query: (req) => {
            counts.query++;
            return table.query(req);
          },
          getMany: (req) => {
            counts.getMany++;
            return table.getMany(req);
          },
        };
      },
    }),
  });
  await database.open();
  return counts;
}

/** What an index says, whatever its text chunks: the columns and the whole text. */
function plain({ textChunks: _chunks, ...index }: FindingIndex) {
  return { ...index, starts: Array.from(index.starts) };
}

/** The kept index must equal one read from scratch, column by column. */
async function expectFresh(): Promise<FindingIndex> {
  const kept = await findingIndex(db);
  expect(plain(kept)).toEqual(plain(await buildFindingIndex(db)));
  return kept;
}

async function titles(filters: Partial<FindingFilters>) {
  const result = await queryFindingList(db, filters, { offset: 0, limit: 1000 });
  return result.rows.map((r) => r.finding.title);
}

async function seed() {
  const { dyes, coat } = await putTwoEnterprises(db);
  const findings = [
    makeFinding({ enterpriseId: dyes.id, title: 'Leaking valve', deadline: '2030-06-20' }),
    makeFinding({ enterpriseId: dyes.id, title: 'Blocked exit', deadline: '2030-06-01' }),
    makeFinding({ enterpriseId: coat.id, title: 'No gas alarm', deadline: '2030-07-30' }),
  ];
  await db.findings.bulkPut(findings);
  await findingIndex(db);
  return { dyes, coat, findings };
}

describe('findingIndex kept up to date', () => {
  it('applies a local save (new, edited, moved by deadline) by reading back only that finding', async () => {
    const reads = await countFindingReads(db);
    const { dyes, findings } = await seed();
    reads.query = reads.getMany = 0;
    const key = { id: newId(), inspectionId: newId(), enterpriseId: dyes.id, createdBy: newId() };
    const content = {
      itemId: null,
      title: 'Broken Ladder',
      description: 'Rung missing',
      category: 'chemical_storage' as const,
      grade: 'major' as const,
      legalBasis: 'Art. 1',
      requirement: 'Replace it',
      deadline: '2030-06-05',
      responsiblePerson: 'Zhang',
      photos: [],
    };
    await saveFindingContent(db, key, content);
    expect(await titles({ text: 'ladder' })).toEqual(['Broken Ladder']);
    // One read-back of the saved finding and one of the page shown; no full read.
    expect(reads).toEqual({ query: 0, getMany: 2 });
    expect(await titles({ town: BAIGUAN })).toEqual([
      'Blocked exit',
      'Broken Ladder',
      'Leaking valve',
    ]);

    await saveFindingContent(db, key, { ...content, title: 'Fixed rail', deadline: '2030-08-01' });
    expect(await titles({ text: 'ladder' })).toEqual([]);
    expect((await findingIndex(db)).ids.at(-1)).toBe(key.id);
    expect(reads.query).toBe(0);
    await db.findings.update(findings[0]!.id, { status: 'closed' });
    reads.query = 0;
    expect(await titles({ status: 'closed' })).toEqual(['Leaking valve']);
    expect(reads.query).toBe(0);
    await expectFresh();
  });

  it('applies a pulled page of 500 changes: new, updated and deleted findings', async () => {
    const { dyes, coat, findings } = await seed();
    const changes: PulledChange[] = [];
    for (let i = 0; i < 497; i++) {
      const finding = makeFinding({
        enterpriseId: i % 2 === 0 ? dyes.id : coat.id,
        title: `Pulled ${i}`,
        deadline: `2030-0${1 + (i % 9)}-1${i % 10}`,
        grade: i % 3 === 0 ? 'major' : 'general',
      });
      changes.push({ entity: 'finding', id: finding.id, record: finding });
    }
    changes.push({
      entity: 'finding',
      id: findings[0]!.id,
      record: { ...findings[0]!, title: 'Valve replaced', status: 'rectified', version: 9 },
    });
    changes.push({ entity: 'finding', id: findings[1]!.id, record: null });
    changes.push({
      entity: 'finding',
      id: findings[2]!.id,
      record: { ...findings[2]!, deletedAt: '2030-06-02T08:00:00.000Z', version: 9 },
    });
    await applyPulledPage(db, changes, 'cursor-1');
    const index = await expectFresh();
    expect(index.ids).toHaveLength(498);
    expect(await titles({ text: 'valve' })).toEqual(['Valve replaced']);
    expect(await titles({ text: 'blocked' })).toEqual([]);
    expect(await titles({ text: 'gas alarm' })).toEqual([]);
    expect(await titles({ text: 'pulled 13' })).toHaveLength(11);
  });

  it('drops a tombstoned finding (removeFinding) and a hard-deleted one', async () => {
    const { findings } = await seed();
    await removeFinding(db, findings[0]!.id);
    expect(await titles({})).toEqual(['Blocked exit', 'No gas alarm']);
    await db.findings.delete(findings[1]!.id);
    expect(await titles({})).toEqual(['No gas alarm']);
    await expectFresh();
  });

  it('follows an enterprise that moves town or is renamed, through a pulled page', async () => {
    const { dyes } = await seed();
    expect(await titles({ town: ZONE })).toEqual(['No gas alarm']);
    const moved = { ...dyes, town: ZONE, name: 'Mingda Fine Chemicals', version: 5 };
    await applyPulledPage(db, [{ entity: 'enterprise', id: dyes.id, record: moved }], 'c');
    expect(await titles({ town: ZONE })).toEqual(['Blocked exit', 'Leaking valve', 'No gas alarm']);
    expect(await titles({ town: BAIGUAN })).toEqual([]);
    expect(await titles({ text: 'fine chem' })).toEqual(['Blocked exit', 'Leaking valve']);
    expect(await titles({ text: 'dyes' })).toEqual([]);
    await expectFresh();
    // A tombstoned enterprise keeps its name on its findings but no longer has a town.
    await db.enterprises.put({ ...moved, deletedAt: '2030-06-03T00:00:00.000Z' });
    expect(await titles({ town: ZONE })).toEqual(['No gas alarm']);
    expect(await titles({ text: 'fine chem' })).toEqual(['Blocked exit', 'Leaking valve']);
    await expectFresh();
  });

  it('reads everything again after a change that names no keys (a cleared table)', async () => {
    await seed();
    await db.enterprises.clear();
    expect(await titles({ text: 'mingda' })).toEqual([]);
    await db.findings.clear();
    expect(await titles({})).toEqual([]);
    await expectFresh();
  });

  it('tells listeners when findings or enterprises change, not for other tables', async () => {
    const { dyes } = await seed();
    let calls = 0;
    const stop = onFindingIndexStale(db, () => calls++);
    await db.meta.put({ key: 'x', value: 1 });
    expect(calls).toBe(0);
    await db.enterprises.put({ ...dyes, name: 'Renamed' });
    await db.findings.put(makeFinding({ enterpriseId: dyes.id }));
    expect(calls).toBe(2);
    stop();
    await db.findings.put(makeFinding());
    expect(calls).toBe(2);
  });
});
