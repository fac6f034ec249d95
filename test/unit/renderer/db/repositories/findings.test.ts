import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  getFindingsByIds,
  listFindings,
} from '../../../../../renderer/src/db/repositories/findings';
import { makeEnterprise, makeFinding, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

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

describe('getFindingsByIds', () => {
  it('returns the live findings in the order asked, skipping missing and deleted ones', async () => {
    const a = makeFinding({ title: 'A' });
    const b = makeFinding({ title: 'B' });
    const gone = makeFinding({ title: 'Gone', deletedAt: '2026-11-02T08:00:00.000+08:00' });
    await db.findings.bulkPut([a, b, gone]);
    const found = await getFindingsByIds(db, [b.id, newId(), gone.id, a.id]);
    expect(found.map((f) => f.title)).toEqual(['B', 'A']);
  });
});
