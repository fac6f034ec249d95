import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../../../domain/schemas/enterprise';
import { databaseName, openUserDatabase } from '../../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { getCursor } from '../../../../../renderer/src/db/repositories/meta';
import { applyPulledPage } from '../../../../../renderer/src/db/repositories/synced-records';
import { makeEnterprise, newId } from '../../support/fixtures';

let db: FieldInspectorDb;
beforeEach(async () => {
  db = openUserDatabase(newId());
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('applyPulledPage', () => {
  it('puts records, deletes the ones without data, and stores the cursor', async () => {
    const stale = makeEnterprise();
    await db.enterprises.put(stale);
    const fresh = makeEnterprise();
    const counts = await applyPulledPage(
      db,
      [
        { entity: 'enterprise', id: fresh.id, record: fresh },
        { entity: 'enterprise', id: stale.id, record: null },
      ],
      'c-1',
    );
    expect(counts).toEqual({ applied: 1, deleted: 1 });
    expect((await db.enterprises.toArray()).map((e) => e.id)).toEqual([fresh.id]);
    expect(await getCursor(db)).toBe('c-1');
  });

  it('writes nothing, not even the cursor, when one write of the page fails', async () => {
    const good = makeEnterprise();
    // No primary key: IndexedDB refuses the put halfway through the transaction.
    const broken = { ...makeEnterprise(), id: undefined } as unknown as Enterprise;
    await expect(
      applyPulledPage(
        db,
        [
          { entity: 'enterprise', id: good.id, record: good },
          { entity: 'enterprise', id: 'x', record: broken },
        ],
        'c-2',
      ),
    ).rejects.toThrow();
    expect(await db.enterprises.count()).toBe(0);
    expect(await getCursor(db)).toBeNull();
  });
});

describe('openUserDatabase', () => {
  it('gives each user their own database', async () => {
    const other = openUserDatabase(newId());
    await db.enterprises.put(makeEnterprise());
    expect(await other.enterprises.count()).toBe(0);
    expect(other.name).not.toBe(db.name);
    expect(db.name).toMatch(/^field-inspector-/);
    expect(databaseName('u1')).toBe('field-inspector-u1');
    other.close();
    await other.delete();
  });
});
