import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { Database, Queryable } from '../../../../server/src/db/database';
import { migrate } from '../../../../server/src/db/migrations';
import { openPgliteMemory } from '../../../../server/src/db/pglite';
import { buildDemoDistrict } from '../../../../server/src/seed/demo-district';
import { seedDistrict } from '../../../../server/src/seed/seed-demo';
import type { VersionState } from '../../../../server/src/sync/reference-cache';
import { referenceCacheOf } from '../../../../server/src/sync/reference-cache';
import { readRecord, writeRecords } from '../../../../server/src/sync/record-store';

const NOW = new Date('2026-11-29T08:00:00+08:00');

describe('the push’s memory of referenced records', () => {
  let db: Database;
  const district = buildDemoDistrict(NOW);
  const [first, second] = district.inspections;

  beforeAll(async () => {
    db = await openPgliteMemory();
    await migrate(db);
    await seedDistrict(db, district, NOW);
  });
  afterAll(async () => {
    await db.close();
  });

  /** The database, counting the statements run through it. */
  const counting = () => {
    const counted = { statements: 0 };
    const tx: Queryable = {
      query: (sql, params) => {
        counted.statements++;
        return db.query(sql, params);
      },
    };
    return { tx, counted };
  };
  const state = async () =>
    (await db.query<VersionState>('SELECT epoch, version FROM sync_state'))[0] as VersionState;
  const keysOf = (...inspections: (Inspection | undefined)[]) =>
    inspections.map((i) => ({ entity: 'inspection' as const, id: String(i?.id) }));
  const key = (i: Inspection | undefined) => `inspection/${String(i?.id)}`;

  it('answers a second batch from memory while nothing was written, and rereads what was', async () => {
    const cache = referenceCacheOf({});
    const { tx, counted } = counting();
    await cache.catchUp(tx, await state());
    const read = await cache.load(tx, keysOf(first, second));
    expect(read.get(key(first))).toMatchObject({ enterpriseId: first?.enterpriseId });
    expect(counted.statements).toBe(1);

    await cache.catchUp(tx, await state());
    const again = await cache.load(tx, keysOf(first, second));
    expect(again).toEqual(read);
    expect(counted.statements).toBe(1);

    // Another writer changes the first inspection: the catch-up finds it, the load rereads it.
    await db.transaction(async (w) => {
      const stored = await readRecord(w, 'inspection', String(first?.id));
      if (!stored) throw new Error('the first demo inspection is not stored');
      await writeRecords(w, [{ entity: 'inspection', data: { ...stored, status: 'submitted' } }]);
    });
    await cache.catchUp(tx, await state());
    const fresh = await cache.load(tx, keysOf(first, second));
    expect(fresh.get(key(first))).toMatchObject({ status: 'submitted' });
    expect(fresh.get(key(second))).toBe(read.get(key(second)));
    expect(counted.statements).toBe(3);
  });

  it('forgets everything for another database or an earlier state of this one', async () => {
    const cache = referenceCacheOf({});
    const { tx, counted } = counting();
    const now = await state();
    await cache.catchUp(tx, now);
    await cache.load(tx, keysOf(first));
    expect(cache.size).toBe(1);
    await cache.catchUp(tx, { ...now, version: now.version - 1 });
    expect(cache.size).toBe(0);
    await cache.load(tx, keysOf(first));
    await cache.catchUp(tx, { ...now, epoch: 'another database' });
    expect(cache.size).toBe(0);
    expect(counted.statements).toBe(2);
  });

  it('remembers nothing read outside a caught-up transaction, and forgets what a batch writes', async () => {
    const cache = referenceCacheOf({});
    const { tx } = counting();
    await cache.load(tx, keysOf(first));
    expect(cache.size).toBe(0);
    await cache.catchUp(tx, await state());
    await cache.load(tx, keysOf(first, second));
    cache.forget(keysOf(second));
    expect(cache.size).toBe(1);
    cache.forget([{ entity: 'enterprise', id: String(first?.enterpriseId) }]);
    expect(cache.size).toBe(0);
  });
});
