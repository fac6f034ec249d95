import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  enterpriseNames,
  getEnterprise,
  keepAnsweredEnterprise,
  listEnterprises,
  listWorkingEnterprises,
} from '../../../../../renderer/src/db/repositories/enterprises';
import { listWorkListEnterprises } from '../../../../../renderer/src/db/repositories/statistics';
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

describe('the working lists', () => {
  it('leave out closed enterprises (shut down or merged) and tombstones, keeping them readable', async () => {
    const merged = makeEnterprise({ name: '丙化工' });
    const into = makeEnterprise({ name: '丁化工' });
    const shut = makeEnterprise({ name: '甲化工' });
    await db.enterprises.bulkPut([
      { ...merged, closure: { kind: 'merged', date: '2026-10-01', mergedIntoId: into.id } },
      into,
      { ...shut, closure: { kind: 'shutdown', date: '2026-09-30' } },
      makeEnterprise({ name: '乙化工', closure: null }),
      makeEnterprise({ name: '戊化工', deletedAt: '2026-11-02T08:00:00.000+08:00' }),
    ]);
    expect((await listWorkingEnterprises(db)).map((e) => e.name)).toEqual(['丁化工', '乙化工']);
    expect((await listWorkListEnterprises(db)).map((e) => e.name)).toEqual(['丁化工', '乙化工']);
    // Their history stays reachable: inspections and hazards still name them.
    expect((await getEnterprise(db, shut.id))?.closure?.kind).toBe('shutdown');
    expect((await enterpriseNames(db)).get(merged.id)).toBe('丙化工');
  });
});

describe('enterprises the administration screens keep', () => {
  it('keeps an enterprise the server answered with, never over a newer one', async () => {
    const stored = makeEnterprise({ name: '甲化工', version: 7 });
    await db.enterprises.put(stored);
    await keepAnsweredEnterprise(db, { ...stored, version: 6, name: '旧名' });
    expect((await db.enterprises.get(stored.id))?.name).toBe('甲化工');
    const closed = {
      ...stored,
      version: 8,
      closure: { kind: 'shutdown' as const, date: '2026-11-30' },
    };
    await keepAnsweredEnterprise(db, closed);
    expect((await db.enterprises.get(stored.id))?.closure).toEqual(closed.closure);
    expect((await listWorkingEnterprises(db)).map((e) => e.id)).not.toContain(stored.id);
  });
});
