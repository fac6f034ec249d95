import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { getLastMid } from '../../../../../renderer/src/db/outbox/numbering';
import { writeLocal } from '../../../../../renderer/src/db/outbox/queue';
import { renumberAfter } from '../../../../../renderer/src/db/outbox/renumber';
import { takeBatch } from '../../../../../renderer/src/db/outbox/take-batch';
import { makeFinding, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { changeNumbering } from '../../../../support/queued-rows';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

async function queueFindings(n: number, description = '') {
  for (let i = 0; i < n; i++) await writeLocal(db, 'finding', makeFinding({ description }));
}

describe('renumberAfter', () => {
  it('numbers the unanswered rows right after the last mid the server holds', async () => {
    const deviceId = newId();
    await queueFindings(3);
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
