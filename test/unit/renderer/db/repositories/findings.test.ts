import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserDatabase } from '../../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { listFindings } from '../../../../../renderer/src/db/repositories/findings';
import { makeEnterprise, makeFinding, newId } from '../../support/fixtures';

let db: FieldInspectorDb;
beforeEach(async () => {
  db = openUserDatabase(newId());
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('listFindings', () => {
  it('orders by deadline, names the enterprise, and skips tombstones', async () => {
    const e = makeEnterprise({ name: 'Dye Works' });
    await db.enterprises.put(e);
    await db.findings.bulkPut([
      makeFinding({ enterpriseId: e.id, title: 'Later', deadline: '2026-12-20' }),
      makeFinding({ enterpriseId: e.id, title: 'Sooner', deadline: '2026-12-01' }),
      makeFinding({ title: 'Gone', deletedAt: '2026-11-02T08:00:00.000+08:00' }),
    ]);
    const rows = await listFindings(db);
    expect(rows.map((r) => [r.finding.title, r.enterpriseName])).toEqual([
      ['Sooner', 'Dye Works'],
      ['Later', 'Dye Works'],
    ]);
  });
});
