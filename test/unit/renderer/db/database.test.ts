import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPendingBlobs, isUploaded } from '../../../../renderer/src/db/repositories/blobs';
import { putLastMid } from '../../../../renderer/src/db/outbox/numbering';
import { takeBatch } from '../../../../renderer/src/db/outbox/take-batch';
import { queuedRows } from '../../../support/queued-rows';

const name = 'fi-upgrade-test';
const hash = (n: number) => n.toString(16).padStart(64, '0');

afterEach(() => Dexie.delete(name));

/** An outbox row as every version has kept its data. */
const outboxRow = (n: number) => ({
  entity: 'finding',
  id: `f${n}`,
  op: 'upsert',
  data: { title: `hazard ${n}` },
  baseVersion: 0,
  queuedAt: '2026-11-01T00:00:00.000Z',
});

describe('the device database', () => {
  it('moves the upload flags of blobs written before version 6 into blobUploads', async () => {
    // The blob table as versions 1 to 5 kept it: the upload flag on the row with the bytes.
    const old = new Dexie(name);
    old.version(5).stores({ blobs: 'sha256' });
    await old.table('blobs').bulkPut([
      { sha256: hash(1), mime: 'image/jpeg', size: 1, data: new Blob(['a']), uploaded: true },
      { sha256: hash(2), mime: 'image/jpeg', size: 1, data: new Blob(['b']), uploaded: false },
    ]);
    old.close();

    const db = new FieldInspectorDb(name);
    await db.open();
    expect(await isUploaded(db, hash(1))).toBe(true);
    expect(await isUploaded(db, hash(2))).toBe(false);
    expect(await countPendingBlobs(db)).toBe(1);
    expect(await db.blobs.count()).toBe(2);
    db.close();
  });

  it('keeps the mids of outbox rows numbered before version 7 through versions 7 and 8', async () => {
    // The outbox as versions 2 to 6 kept it: a numbered row carried its mid and device id.
    const old = new Dexie(name);
    old.version(6).stores({ outbox: '++seq, entity, id, [entity+id], mid', meta: 'key' });
    await old
      .table('outbox')
      .bulkAdd([
        { ...outboxRow(1), mid: 4, deviceId: 'device-a' },
        { ...outboxRow(2), mid: 5, deviceId: 'device-a' },
        outboxRow(3),
      ]);
    old.close();

    const db = new FieldInspectorDb(name);
    await db.open();
    expect((await queuedRows(db)).map((r) => [r.id, r.mid, r.deviceId])).toEqual([
      ['f1', 4, 'device-a'],
      ['f2', 5, 'device-a'],
      ['f3', undefined, undefined],
    ]);
    expect((await db.outbox.toArray()).every((r) => !('mid' in r) && !('deviceId' in r))).toBe(
      true,
    );
    // The unanswered batch is resent with its mids; the row after it is numbered next.
    await putLastMid(db, 'device-a', 5);
    const batch = await takeBatch(db, 'device-a');
    expect(batch?.mutations.map((m) => [m.id, m.mid])).toEqual([
      ['f1', 4],
      ['f2', 5],
      ['f3', 6],
    ]);
    db.close();
  });

  it('gathers the mids of version 7, one row per outbox row, into one numbering per device', async () => {
    // The outbox as version 7 kept it: each numbered row's mid in a row of outboxMids.
    const old = new Dexie(name);
    old.version(7).stores({
      outbox: '++seq, entity, id, [entity+id]',
      outboxMids: 'seq, mid',
      meta: 'key',
    });
    await old.table('outbox').bulkAdd([outboxRow(1), outboxRow(2), outboxRow(3), outboxRow(4)]);
    await old.table('outboxMids').bulkAdd([
      { seq: 2, mid: 8, deviceId: 'device-a' },
      { seq: 1, mid: 7, deviceId: 'device-a' },
      { seq: 3, mid: 1, deviceId: 'device-b' },
    ]);
    old.close();

    const db = new FieldInspectorDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('outboxMids');
    expect(await db.outboxNumbering.count()).toBe(2);
    expect((await queuedRows(db)).map((r) => [r.id, r.mid, r.deviceId])).toEqual([
      ['f1', 7, 'device-a'],
      ['f2', 8, 'device-a'],
      ['f3', 1, 'device-b'],
      ['f4', undefined, undefined],
    ]);
    await putLastMid(db, 'device-a', 8);
    const batch = await takeBatch(db, 'device-a');
    // f3 was numbered for another device id: it is numbered afresh, in queue order.
    expect(batch?.mutations.map((m) => [m.id, m.mid])).toEqual([
      ['f1', 7],
      ['f2', 8],
      ['f3', 9],
      ['f4', 10],
    ]);
    expect(await db.outboxNumbering.count()).toBe(2);
    db.close();
  });
});
