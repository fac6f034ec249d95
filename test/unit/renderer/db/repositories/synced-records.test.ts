import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../../../domain/schemas/enterprise';
import { databaseName, openUserDatabase } from '../../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  getCursor,
  getRepullState,
  putCursor,
} from '../../../../../renderer/src/db/repositories/meta';
import { takeBatch } from '../../../../../renderer/src/db/outbox/take-batch';
import { writeLocal } from '../../../../../renderer/src/db/outbox/queue';
import { applyPulledPage } from '../../../../../renderer/src/db/repositories/synced-records';
import { settleResults } from '../../../../../renderer/src/db/outbox/settle-answers';
import { makeEnterprise, makeFinding, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { queuedRows } from '../../../../support/queued-rows';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

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

  it('ends a record named twice in one page as its last change says', async () => {
    const kept = makeEnterprise();
    const gone = makeEnterprise();
    const counts = await applyPulledPage(
      db,
      [
        { entity: 'enterprise', id: kept.id, record: null },
        { entity: 'enterprise', id: gone.id, record: gone },
        { entity: 'enterprise', id: kept.id, record: kept },
        { entity: 'enterprise', id: gone.id, record: null },
      ],
      'c2',
    );
    expect(counts).toEqual({ applied: 2, deleted: 2 });
    expect(await db.enterprises.get(kept.id)).toEqual(kept);
    expect(await db.enterprises.get(gone.id)).toBeUndefined();
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

describe('pulled data and queued local edits', () => {
  it('keeps a queued local edit on top of a pulled record, then takes the newer server copy once answered', async () => {
    const deviceId = newId();
    const mine = makeFinding({ version: 3, title: 'local edit' });
    await writeLocal(db, 'finding', mine);
    const theirs = { ...mine, version: 9, title: 'edited at HQ' };
    await applyPulledPage(
      db,
      [{ entity: 'finding', id: mine.id, version: 9, record: theirs }],
      'c1',
    );
    expect((await db.findings.get(mine.id))?.title).toBe('local edit');
    expect(await getCursor(db)).toBe('c1');

    const batch = await takeBatch(db, deviceId);
    expect(batch?.mutations[0]).toMatchObject({ baseVersion: 3, data: { title: 'local edit' } });
    // The server had already applied this mutation at version 7 (a retried batch): the held
    // copy at 9 is newer and wins locally, as it does on the server.
    await settleResults(db, batch!.rows, [{ mid: 1, status: 'duplicate', version: 7 }]);
    expect(await db.findings.get(mine.id)).toMatchObject({ version: 9, title: 'edited at HQ' });
    expect(await db.held.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves the local record and the base of a newer queued edit as they were: the pull brings the server copy', async () => {
    const deviceId = newId();
    const a = makeFinding({ version: 0 });
    const b = makeFinding({ version: 0 });
    await writeLocal(db, 'finding', a);
    await writeLocal(db, 'finding', b);
    const batch = await takeBatch(db, deviceId);
    await writeLocal(db, 'finding', { ...b, title: 'edited while pushing' });
    await settleResults(db, batch!.rows, [
      { mid: 1, status: 'applied', version: 11 },
      { mid: 2, status: 'applied', version: 12 },
    ]);
    // The server may have merged other devices' fields into versions 11 and 12: this copy is
    // still the one made from version 0, and says so.
    expect((await db.findings.get(a.id))?.version).toBe(0);
    expect(await db.findings.get(b.id)).toMatchObject({
      version: 0,
      title: 'edited while pushing',
    });
    const [left] = await db.outbox.toArray();
    expect(left).toMatchObject({
      id: b.id,
      baseVersion: 0,
      data: { title: 'edited while pushing' },
    });
  });

  it('moves a refused mutation to the rejected list without holding up the rest, and pulls afresh', async () => {
    const deviceId = newId();
    await putCursor(db, 'c5');
    const refused = makeFinding({ version: 0 });
    const fine = makeFinding({ version: 0 });
    await writeLocal(db, 'finding', refused);
    await writeLocal(db, 'finding', fine);
    const batch = await takeBatch(db, deviceId);
    const counts = await settleResults(
      db,
      batch!.rows,
      [
        {
          mid: 1,
          status: 'rejected',
          error: 'not in your jurisdiction',
          reason: { code: 'outsideJurisdiction', params: { entity: 'finding' } },
        },
        { mid: 2, status: 'conflict', version: 4 },
      ],
      () => new Date('2026-11-29T00:00:00Z'),
    );
    expect(counts).toEqual({ applied: 0, duplicate: 0, conflict: 1, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejected.toArray()).toEqual([
      expect.objectContaining({
        mid: 1,
        id: refused.id,
        reason: 'not in your jurisdiction',
        refusal: { code: 'outsideJurisdiction', params: { entity: 'finding' } },
        dismissed: 0,
        rejectedAt: '2026-11-29T00:00:00.000Z',
      }),
    ]);
    expect(await db.conflicts.toArray()).toEqual([
      expect.objectContaining({ mid: 2, id: fine.id, version: 4 }),
    ]);
    // Kept in the rejected list; the next pull starts over as a full re-pull, which brings the
    // record back to the server's copy, or removes it when the server never had it.
    expect(await db.findings.get(refused.id)).toEqual(refused);
    expect(await db.findings.get(fine.id)).toEqual(fine);
    expect(await getCursor(db)).toBeNull();
    expect(await getRepullState(db)).toBe('owed');
  });

  it('settles two edits of one record in one batch, keeping the last edit locally', async () => {
    const deviceId = newId();
    const record = makeFinding({ version: 0 });
    await writeLocal(db, 'finding', record);
    // The first edit is numbered but unanswered; the second is queued behind it.
    await takeBatch(db, deviceId);
    await writeLocal(db, 'finding', { ...record, title: 'second edit' });
    const batch = await takeBatch(db, deviceId);
    expect(batch?.rows.map((row) => row.mid)).toEqual([1, 2]);
    const counts = await settleResults(db, batch!.rows, [
      { mid: 1, status: 'applied', version: 5 },
      { mid: 2, status: 'applied', version: 6 },
    ]);
    expect(counts.applied).toBe(2);
    expect(await db.findings.get(record.id)).toMatchObject({ version: 0, title: 'second edit' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves rows without an answer queued with their mids', async () => {
    const deviceId = newId();
    await writeLocal(db, 'finding', makeFinding());
    await writeLocal(db, 'finding', makeFinding());
    const batch = await takeBatch(db, deviceId);
    await settleResults(db, batch!.rows, [{ mid: 1, status: 'applied', version: 2 }]);
    expect((await queuedRows(db)).map((r) => r.mid)).toEqual([2]);
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
