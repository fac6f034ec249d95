import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserDatabase } from '../../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../../renderer/src/db/repositories/outbox';
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

describe('writeLocal', () => {
  it('stores the record and queues it in the outbox together', async () => {
    const e = makeEnterprise({ version: 3 });
    await writeLocal(db, 'enterprise', e, () => new Date('2026-11-03T00:00:00Z'));
    expect(await db.enterprises.get(e.id)).toEqual(e);
    expect(await countPending(db)).toBe(1);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({
      seq: 1,
      entity: 'enterprise',
      id: e.id,
      op: 'upsert',
      baseVersion: 3,
      queuedAt: '2026-11-03T00:00:00.000Z',
    });
  });

  it('refuses an invalid record and writes neither table', async () => {
    const bad = { ...makeEnterprise(), creditCode: 'nope' };
    await expect(writeLocal(db, 'enterprise', bad)).rejects.toThrow();
    expect(await db.enterprises.count()).toBe(0);
    expect(await countPending(db)).toBe(0);
  });
});
