import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAdminActions, recordAdminAction } from '../../server/src/admin/audit-log';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

const ADMIN = '0190f5a6-0000-7000-8000-000000000001';
const OTHER = '0190f5a6-0000-7000-8000-000000000002';

describe.each(databaseKinds)('the audit log of administrative actions, on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase(kind);
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps who did what to which thing, when, with before and after, newest first', async () => {
    await recordAdminAction(
      db,
      {
        actorId: ADMIN,
        action: 'user.create',
        targetKind: 'user',
        targetId: 'u1',
        after: { username: 'wang', role: 'inspector' },
      },
      new Date('2026-12-01T08:00:00Z'),
    );
    await recordAdminAction(
      db,
      {
        actorId: OTHER,
        action: 'user.update',
        targetKind: 'user',
        targetId: 'u1',
        before: { role: 'inspector' },
        after: { role: 'supervisor' },
      },
      new Date('2026-12-02T08:00:00Z'),
    );
    await recordAdminAction(
      db,
      { actorId: ADMIN, action: 'device.wipe', targetKind: 'device', targetId: 'd1' },
      new Date('2026-12-03T08:00:00Z'),
    );
    const all = await listAdminActions(db);
    expect(all.map((e) => e.action)).toEqual(['device.wipe', 'user.update', 'user.create']);
    expect(all[1]).toMatchObject({
      at: '2026-12-02T08:00:00.000Z',
      actorId: OTHER,
      before: { role: 'inspector' },
      after: { role: 'supervisor' },
    });
    expect(all[0]).not.toHaveProperty('before');
    expect((await listAdminActions(db, { actorId: ADMIN })).map((e) => e.action)).toEqual([
      'device.wipe',
      'user.create',
    ]);
    expect((await listAdminActions(db, { targetKind: 'user', targetId: 'u1' })).length).toBe(2);
    expect(
      (
        await listAdminActions(db, { from: '2026-12-02T00:00:00Z', to: '2026-12-02T23:59:59Z' })
      ).map((e) => e.action),
    ).toEqual(['user.update']);
  });

  it('leaves no entry for an action whose transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordAdminAction(
          tx,
          { actorId: ADMIN, action: 'user.create', targetKind: 'user', targetId: 'u1' },
          new Date(),
        );
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await listAdminActions(db)).toEqual([]);
  });

  it('refuses an entry that does not say what it is, and stores nothing', async () => {
    await expect(
      recordAdminAction(
        db,
        { actorId: ADMIN, action: 'Created a user!', targetKind: 'user', targetId: 'u1' },
        new Date(),
      ),
    ).rejects.toThrow();
    expect(await listAdminActions(db)).toEqual([]);
  });
});
