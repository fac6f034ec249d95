import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  enterpriseNames,
  listEnterprises,
} from '../../../../../renderer/src/db/repositories/enterprises';
import { makeEnterprise } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

describe('enterprise reads', () => {
  it('lists live enterprises by name and leaves tombstones out', async () => {
    await db.enterprises.bulkPut([
      makeEnterprise({ name: '乙化工' }),
      makeEnterprise({ name: '甲化工', deletedAt: '2026-11-02T08:00:00.000+08:00' }),
      makeEnterprise({ name: 'Alpha Chemicals' }),
    ]);
    expect((await listEnterprises(db)).map((e) => e.name)).toEqual(['Alpha Chemicals', '乙化工']);
  });

  it('maps ids to names', async () => {
    const e = makeEnterprise({ name: 'Named' });
    await db.enterprises.put(e);
    expect((await enterpriseNames(db)).get(e.id)).toBe('Named');
  });
});
