import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { getLastMid, putLastMid } from '../../../../../renderer/src/db/outbox/numbering';
import { takeBatch } from '../../../../../renderer/src/db/outbox/take-batch';
import { makeFinding, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { changeNumbering, queuedRows } from '../../../../support/queued-rows';
import { queueFindings } from './queue-findings';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

describe('takeBatch', { timeout: 30_000 }, () => {
  it('numbers rows 1, 2, 3… in queue order and remembers the last mid', async () => {
    const deviceId = newId();
    await queueFindings(db, 3);
    const queued = await db.outbox.toArray();
    const batch = await takeBatch(db, deviceId);
    expect(batch?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
    // The mids are kept beside the rows: numbering does not write the rows' data again.
    expect(await db.outbox.toArray()).toEqual(queued);
    expect(await getLastMid(db, deviceId)).toBe(3);
    const stored = await queuedRows(db);
    expect(stored.map((r) => [r.mid, r.deviceId])).toEqual([
      [1, deviceId],
      [2, deviceId],
      [3, deviceId],
    ]);
  });

  it('resends an unanswered batch with the very same mids, and numbers new rows after them', async () => {
    const deviceId = newId();
    await queueFindings(db, 2);
    const first = await takeBatch(db, deviceId);
    await queueFindings(db, 1);
    const retry = await takeBatch(db, deviceId);
    expect(retry?.mutations.slice(0, 2)).toEqual(first?.mutations);
    expect(retry?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
  });

  it('continues the numbering without a gap after answered rows leave the queue', async () => {
    const deviceId = newId();
    await queueFindings(db, 2);
    const first = await takeBatch(db, deviceId);
    await db.outbox.bulkDelete(first!.rows.map((r) => r.seq));
    await queueFindings(db, 2);
    expect((await takeBatch(db, deviceId))?.mutations.map((m) => m.mid)).toEqual([3, 4]);
  });

  it('takes at most 500 mutations', async () => {
    const deviceId = newId();
    await db.outbox.bulkAdd(
      Array.from({ length: 1201 }, () => {
        const f = makeFinding();
        return {
          entity: 'finding' as const,
          id: f.id,
          op: 'upsert' as const,
          data: f,
          baseVersion: 0,
          queuedAt: f.updatedAt,
        };
      }),
    );
    const sizes: number[] = [];
    for (;;) {
      const batch = await takeBatch(db, deviceId);
      if (!batch) break;
      sizes.push(batch.mutations.length);
      expect(batch.mutations[0]!.mid).toBe(sizes.slice(0, -1).reduce((a, b) => a + b, 0) + 1);
      await db.outbox.bulkDelete(batch.rows.map((r) => r.seq));
    }
    expect(sizes).toEqual([500, 500, 201]);
  });

  it('keeps a batch to about 1 MB of JSON, but always takes at least one mutation', async () => {
    const deviceId = newId();
    await queueFindings(db, 10, 'x'.repeat(3_900)); // about 4.5 kB each
    const batch = await takeBatch(db, deviceId, { maxMutations: 500, maxBytes: 20_000 });
    const bytes = new TextEncoder().encode(JSON.stringify(batch?.mutations)).length;
    expect(batch?.mutations.length).toBe(4);
    expect(bytes).toBeLessThanOrEqual(20_000);
    const tiny = await takeBatch(db, newId(), { maxMutations: 500, maxBytes: 10 });
    expect(tiny?.mutations).toHaveLength(1);
  });

  it('numbers rows afresh from 1 when the server gave this profile a new device id', async () => {
    const oldDevice = newId();
    const newDevice = newId();
    await queueFindings(db, 2);
    await takeBatch(db, oldDevice);
    const batch = await takeBatch(db, newDevice);
    expect(batch?.mutations.map((m) => m.mid)).toEqual([1, 2]);
    expect(batch?.rows.every((r) => r.deviceId === newDevice)).toBe(true);
  });

  it('numbers rows left without a mid among numbered ones in queue order, after the resent rows', async () => {
    const deviceId = newId();
    await queueFindings(db, 4);
    const [a, b, c, d] = await db.outbox.toArray();
    // Only the second row carries a mid (the others' were dropped, as for another device id).
    await changeNumbering(db, (numbering) => numbering.add([{ seq: b!.seq!, mid: 1, deviceId }]));
    await putLastMid(db, deviceId, 1);
    const batch = await takeBatch(db, deviceId);
    expect(batch?.rows.map((r) => [r.seq, r.mid])).toEqual([
      [b!.seq, 1],
      [a!.seq, 2],
      [c!.seq, 3],
      [d!.seq, 4],
    ]);
  });

  it('returns null for an empty queue', async () => {
    expect(await takeBatch(db, newId())).toBeNull();
  });
});
