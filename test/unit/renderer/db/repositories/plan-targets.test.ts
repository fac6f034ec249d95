// The target list as this device makes it for the plan preview: every live enterprise with the
// class the server would compute from the same records, removed enterprises left out.
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import { assessRisk } from '../../../../../domain/rules/risk-class';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { localTargets } from '../../../../../renderer/src/db/repositories/plan-targets';
import { makeEnterprise, makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

const AGENCY = '0197a000-0000-7000-8000-0000000000a1';
const TODAY = '2026-11-29';

describe('localTargets', () => {
  let db: FieldInspectorDb;
  withTestDatabase((opened) => (db = opened));

  it('lists every live enterprise with its computed class, leaving out removed ones', async () => {
    const live = makeEnterprise();
    const removed = makeEnterprise({ deletedAt: '2026-11-01T08:00:00.000+08:00' });
    const inspection = makeInspection({ enterpriseId: live.id });
    const finding = makeFinding({
      enterpriseId: live.id,
      inspectionId: inspection.id,
      grade: 'major',
      deadline: '2026-11-01',
    });
    await db.enterprises.bulkPut([live, removed]);
    await db.inspections.put(inspection);
    await db.findings.put(finding);
    const targets = await localTargets(db, AGENCY, TODAY);
    const expected = assessRisk(live, [finding], [inspection], TODAY, defaultGb18218Table);
    const source = expected.factors.find((f) => f.code === 'majorHazardSource');
    const level = source?.code === 'majorHazardSource' ? source.level : null;
    expect(targets).toEqual([
      {
        enterpriseId: live.id,
        riskClass: expected.riskClass,
        majorHazardLevel: level ?? null,
      },
    ]);
  });
});
