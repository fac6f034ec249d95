import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { getLastMid } from '../../../../../renderer/src/db/outbox/numbering';
import { renumberAfter } from '../../../../../renderer/src/db/outbox/renumber';
import { takeBatch } from '../../../../../renderer/src/db/outbox/take-batch';
import { newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { changeNumbering } from '../../../../support/queued-rows';
import { queueFindings } from './queue-findings';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

describe('renumberAfter', () => {
  it('numbers the unanswered rows right after the last mid the server holds', async () => {
    const deviceId = newId();
    await queueFindings(db, 3);
    await takeBatch(db, deviceId); // 1, 2, 3
    await renumberAfter(db, deviceId, 0);
    expect((await takeBatch(db, deviceId))?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
    // Make them look far ahead.
    await changeNumbering(db, (numbering) => {
      for (const row of numbering.all()) numbering.renumber(row.seq, 7);
    });
    await renumberAfter(db, deviceId, 4);
    expect(await getLastMid(db, deviceId)).toBe(7);
  });
});
