import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  countPending,
  countQueuedAfter,
  queueExtent,
  writeLocal,
} from '../../../../../renderer/src/db/outbox/queue';
import { takeBatch } from '../../../../../renderer/src/db/outbox/take-batch';
import { makeEnterprise, makeFinding, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { queuedRows } from '../../../../support/queued-rows';
import { queueFindings } from './queue-findings';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

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

  it('squashes edits of one record queued before a batch into one mutation with the latest data', async () => {
    const f = makeFinding({ version: 4, title: 'first' });
    await writeLocal(db, 'finding', f);
    await writeLocal(db, 'finding', { ...f, title: 'second' });
    await writeLocal(db, 'finding', { ...f, title: 'third' });
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ baseVersion: 4, data: { title: 'third' } });
  });

  it('does not touch a row already numbered for a batch: a later edit gets a row of its own', async () => {
    const deviceId = newId();
    const f = makeFinding({ title: 'first' });
    await writeLocal(db, 'finding', f);
    const batch = await takeBatch(db, deviceId);
    await writeLocal(db, 'finding', { ...f, title: 'second' });
    const rows = await queuedRows(db);
    expect(rows.map((r) => [r.mid, (r.data as { title: string }).title])).toEqual([
      [1, 'first'],
      [undefined, 'second'],
    ]);
    expect(batch?.mutations[0]?.data).toMatchObject({ title: 'first' });
  });
});

describe('writeLocal with ownRow', () => {
  it('queues the change in a row of its own at the end, leaving the unsent earlier edit as it was', async () => {
    const f = makeFinding({ title: 'draft' });
    await writeLocal(db, 'finding', f);
    const other = makeFinding();
    await writeLocal(db, 'finding', other);
    await writeLocal(db, 'finding', { ...f, title: 'submitted' }, undefined, { ownRow: true });
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.id, (r.data as { title: string }).title])).toEqual([
      [f.id, 'draft'],
      [other.id, other.title],
      [f.id, 'submitted'],
    ]);
  });
});

describe('queueExtent and countQueuedAfter', () => {
  it('give the queue as it was, then only the rows queued after it', async () => {
    expect(await queueExtent(db)).toEqual({ rows: 0, lastSeq: 0 });
    await queueFindings(db, 3);
    const extent = await queueExtent(db);
    expect(extent.rows).toBe(3);
    expect(extent.lastSeq).toBe((await queuedRows(db)).at(-1)?.seq);
    expect(await countQueuedAfter(db, extent.lastSeq)).toBe(0);
    await queueFindings(db, 2);
    expect(await countQueuedAfter(db, extent.lastSeq)).toBe(2);
  });
});
