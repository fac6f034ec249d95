import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import { assessRisk } from '../../../../domain/rules/risk-class';
import {
  drawTargets,
  overrideInForce,
  riskOverrideProblem,
  targetList,
} from '../../../../domain/rules/target-list';
import type { RiskOverride } from '../../../../domain/schemas/risk';
import { riskOverrideSchema } from '../../../../domain/schemas/risk';
import { ruleEnterprise, ruleUser, uid } from './fixture-records';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';

const AGENCY = uid(800);
const OTHER_AGENCY = uid(801);
const supervisor = ruleUser(700, { role: 'supervisor', certificateNo: null });

function override(n: number, overrides: Partial<RiskOverride> = {}): RiskOverride {
  return riskOverrideSchema.parse({
    id: uid(3000 + n),
    version: 1,
    updatedAt: '2026-03-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: supervisor.id,
    enterpriseId: uid(200),
    agencyId: AGENCY,
    riskClass: 'major',
    computedClass: 'low',
    reason: '近期发生泄漏事故，调高风险等级',
    decidedBy: supervisor.id,
    decidedAt: '2026-03-01T08:00:00.000+08:00',
    ...overrides,
  });
}

describe('overrideInForce', () => {
  it('takes the latest decided override of the enterprise in the agency’s list', () => {
    const older = override(1, { riskClass: 'general', decidedAt: '2026-02-01T08:00:00.000+08:00' });
    const newer = override(2, { riskClass: 'major', decidedAt: '2026-03-01T08:00:00.000+08:00' });
    expect(overrideInForce([newer, older], uid(200), AGENCY)).toBe(newer);
    expect(overrideInForce([older, newer], uid(200), AGENCY)).toBe(newer);
  });

  it('compares decision times as instants, whatever their offset', () => {
    const a = override(1, { decidedAt: '2026-03-01T08:00:00.000+08:00' });
    const b = override(2, { decidedAt: '2026-03-01T01:00:00.000Z' }); // 09:00 in China: later
    expect(overrideInForce([b, a], uid(200), AGENCY)).toBe(b);
  });

  it('ignores withdrawn overrides, other agencies’ and other enterprises’', () => {
    const overrides = [
      override(1, { deletedAt: '2026-03-02T08:00:00.000+08:00' }),
      override(2, { agencyId: OTHER_AGENCY }),
      override(3, { enterpriseId: uid(201) }),
    ];
    expect(overrideInForce(overrides, uid(200), AGENCY)).toBeNull();
  });
});

describe('targetList', () => {
  const today = '2026-03-10';
  const plain = assessRisk(ruleEnterprise(200), [], [], today, defaultGb18218Table);
  const source = assessRisk(
    ruleEnterprise(201, {
      units: unitsFromChemicals([{ name: '光气', cas: '75-44-5', maxQuantityT: 3 }]),
      peopleWithin500m: 0,
    }),
    [],
    [],
    today,
    defaultGb18218Table,
  );

  it('lists each enterprise by id with its computed class, the override in force and the class a draw uses', () => {
    const o = override(1, { enterpriseId: uid(200), riskClass: 'considerable' });
    const rows = targetList(AGENCY, [source, plain], [o]);
    expect(
      rows.map((r) => [r.enterpriseId, r.computedClass, r.override?.id ?? null, r.riskClass]),
    ).toEqual([
      [uid(200), 'low', o.id, 'considerable'],
      [uid(201), 'considerable', null, 'considerable'],
    ]);
    expect(drawTargets(rows)).toEqual([
      { enterpriseId: uid(200), riskClass: 'considerable', majorHazardLevel: null },
      { enterpriseId: uid(201), riskClass: 'considerable', majorHazardLevel: 1 },
    ]);
  });

  it('does not apply another agency’s override', () => {
    const rows = targetList(AGENCY, [plain], [override(1, { agencyId: OTHER_AGENCY })]);
    expect(rows[0]?.riskClass).toBe('low');
  });
});

describe('riskOverrideProblem', () => {
  it('lets a supervisor of the agency record an override decided by themselves', () => {
    expect(riskOverrideProblem(null, override(1), supervisor)).toBeNull();
  });

  it('refuses inspectors, administrators, other agencies’ supervisors and deleted users', () => {
    const refusals = [
      ruleUser(701),
      ruleUser(702, { role: 'admin', certificateNo: null }),
      ruleUser(703, { role: 'supervisor', certificateNo: null, agencyId: OTHER_AGENCY }),
      { ...supervisor, deletedAt: '2026-03-01T08:00:00.000+08:00' },
    ];
    for (const actor of refusals) {
      expect(riskOverrideProblem(null, override(1, { decidedBy: actor.id }), actor)).toBe(
        'riskOverride.notSupervisorOfAgency',
      );
    }
  });

  it('refuses an override that names someone else as its decider', () => {
    expect(riskOverrideProblem(null, override(1, { decidedBy: uid(704) }), supervisor)).toBe(
      'riskOverride.decidedByOther',
    );
  });

  it('lets a recorded override be withdrawn but not changed or brought back', () => {
    const stored = override(1);
    const withdrawn = { ...stored, version: 2, deletedAt: '2026-03-05T08:00:00.000+08:00' };
    expect(riskOverrideProblem(stored, withdrawn, supervisor)).toBeNull();
    expect(riskOverrideProblem(stored, { ...stored, version: 2 }, supervisor)).toBeNull();
    expect(riskOverrideProblem(stored, { ...stored, riskClass: 'general' }, supervisor)).toBe(
      'riskOverride.immutable',
    );
    expect(riskOverrideProblem(stored, { ...stored, reason: '另一个理由' }, supervisor)).toBe(
      'riskOverride.immutable',
    );
    expect(riskOverrideProblem(withdrawn, { ...withdrawn, deletedAt: null }, supervisor)).toBe(
      'riskOverride.immutable',
    );
  });
});
