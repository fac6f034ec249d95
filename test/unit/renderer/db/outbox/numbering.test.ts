import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { readNumbering } from '../../../../../renderer/src/db/outbox/numbering';
import type { Numbering } from '../../../../../renderer/src/db/outbox/numbering';
import { changeNumbering } from '../../../../support/queued-rows';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const change = (edit: (numbering: Numbering) => void) => changeNumbering(db, edit);

const stored = async () =>
  (await db.outboxNumbering.toArray()).map(({ deviceId, seqs, mids }) => ({
    deviceId,
    seqs,
    mids,
  }));

const numbered = async () => (await readNumbering(db)).all().sort((a, b) => a.seq - b.seq);

describe('the outbox numbering', () => {
  it('stores one take as one row, whatever its size', async () => {
    const entries = Array.from({ length: 500 }, (_, i) => ({
      seq: i + 1,
      mid: i + 1,
      deviceId: 'a',
    }));
    await change((n) => n.add(entries));
    expect(await db.outboxNumbering.count()).toBe(1);
    expect(await numbered()).toEqual(entries);
  });

  it('rewrites only the rows a change touched, and deletes a row once it is empty', async () => {
    await change((n) => n.add([1, 2, 3].map((seq) => ({ seq, mid: seq, deviceId: 'a' }))));
    await change((n) => n.add([4, 5].map((seq) => ({ seq, mid: seq, deviceId: 'a' }))));
    const [first, second] = await db.outboxNumbering.toArray();

    await change((n) => n.remove([2, 3]));
    expect(await db.outboxNumbering.get(first!.id!)).toMatchObject({ seqs: [1], mids: [1] });
    expect(await db.outboxNumbering.get(second!.id!)).toEqual(second);

    await change((n) => n.remove([1, 99]));
    expect(await db.outboxNumbering.get(first!.id!)).toBeUndefined();
    expect((await numbered()).map((e) => e.seq)).toEqual([4, 5]);
  });

  it('renumbers entries in place and keeps each device’s rows apart', async () => {
    await change((n) =>
      n.add([
        { seq: 1, mid: 7, deviceId: 'a' },
        { seq: 2, mid: 1, deviceId: 'b' },
      ]),
    );
    expect(await stored()).toEqual([
      { deviceId: 'a', seqs: [1], mids: [7] },
      { deviceId: 'b', seqs: [2], mids: [1] },
    ]);
    await change((n) => n.renumber(1, 3));
    expect((await readNumbering(db)).get(1)).toEqual({ seq: 1, mid: 3, deviceId: 'a' });
    expect((await readNumbering(db)).get(3)).toBeUndefined();
  });

  it('moves an entry numbered again out of its old row', async () => {
    await change((n) => n.add([1, 2].map((seq) => ({ seq, mid: seq, deviceId: 'a' }))));
    await change((n) => n.add([{ seq: 2, mid: 1, deviceId: 'b' }]));
    expect(await stored()).toEqual([
      { deviceId: 'a', seqs: [1], mids: [1] },
      { deviceId: 'b', seqs: [2], mids: [1] },
    ]);
  });
});
