import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  ConflictChoiceError,
  conflictLogFetchedAt,
  listConflictEntries,
  listPendingConflictChoices,
  queueConflictChoice,
  replaceConflictLog,
} from '../../../../../renderer/src/db/repositories/conflict-log';
import { makeConflictView } from '../../support/fake-conflicts';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const now = new Date('2026-11-29T01:00:00.000Z');

describe('conflict log on the device', () => {
  it('queues one choice per open conflict and refuses resolved or unknown ones', async () => {
    const open = makeConflictView();
    const resolved = makeConflictView({
      resolvedAt: '2026-11-28T05:00:00.000Z',
      resolvedBy: newId(),
      resolution: 'kept',
    });
    await replaceConflictLog(db, [open, resolved], now);

    await queueConflictChoice(db, open.id, 'losing', now);
    expect(await listPendingConflictChoices(db)).toEqual([
      expect.objectContaining({ conflictId: open.id, keep: 'losing', state: 'pending' }),
    ]);
    await expect(queueConflictChoice(db, open.id, 'kept', now)).rejects.toEqual(
      new ConflictChoiceError('queued'),
    );
    await expect(queueConflictChoice(db, resolved.id, 'kept', now)).rejects.toEqual(
      new ConflictChoiceError('resolved'),
    );
    await expect(queueConflictChoice(db, newId(), 'kept', now)).rejects.toEqual(
      new ConflictChoiceError('unknown'),
    );
    expect(await db.conflictChoices.count()).toBe(1);
  });

  it('a refresh drops what the server no longer lists, except conflicts with a local choice', async () => {
    const chosen = makeConflictView();
    const gone = makeConflictView();
    await replaceConflictLog(db, [chosen, gone], now);
    await queueConflictChoice(db, chosen.id, 'kept', now);
    const fresh = makeConflictView();
    const later = new Date('2026-11-29T02:00:00.000Z');
    await replaceConflictLog(db, [fresh], later);
    expect((await db.conflictLog.toCollection().primaryKeys()).sort()).toEqual(
      [chosen.id, fresh.id].sort(),
    );
    expect(await conflictLogFetchedAt(db)).toBe(later.toISOString());
  });

  it('labels each conflict with its hazard, enterprise, inspection and people', async () => {
    const enterprise = makeEnterprise({ name: 'Mingda Dyes' });
    const inspection = makeInspection({ enterpriseId: enterprise.id });
    const finding = makeFinding({
      inspectionId: inspection.id,
      enterpriseId: enterprise.id,
      title: 'Leaking valve',
    });
    const kept = makeUser({ displayName: 'Wang Fang' });
    await db.enterprises.put(enterprise);
    await db.inspections.put(inspection);
    await db.findings.put(finding);
    await db.users.put(kept);
    const conflict = makeConflictView({ recordId: finding.id, keptUserId: kept.id });
    const elsewhere = makeConflictView({ entity: 'inspection', at: '2026-11-27T00:00:00.000Z' });
    await replaceConflictLog(db, [elsewhere, conflict], now);

    const entries = await listConflictEntries(db, 'open');
    expect(entries.map((e) => e.conflict.id)).toEqual([conflict.id, elsewhere.id]);
    expect(entries[0]).toMatchObject({
      subject: {
        entity: 'finding',
        title: 'Leaking valve',
        enterpriseName: 'Mingda Dyes',
        inspectionStartedAt: inspection.startedAt,
      },
      keptUserName: 'Wang Fang',
      losingUserName: null,
      choice: null,
    });
    expect(entries[1]?.subject).toEqual({
      entity: 'inspection',
      title: null,
      enterpriseName: null,
      inspectionStartedAt: null,
    });
    expect(await listConflictEntries(db, 'resolved')).toEqual([]);
  });
});
