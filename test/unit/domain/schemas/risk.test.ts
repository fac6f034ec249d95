import { describe, expect, it } from 'vitest';
import { riskOverrideSchema } from '../../../../domain/schemas/risk';

const override = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50',
  version: 0,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51',
  enterpriseId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52',
  agencyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53',
  riskClass: 'major',
  computedClass: 'general',
  reason: '该企业近期发生泄漏事故',
  decidedBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51',
  decidedAt: '2026-03-01T01:00:00.000Z',
};

const issuesOf = (input: unknown) => {
  const result = riskOverrideSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('riskOverrideSchema', () => {
  it('accepts an override with its reason', () => {
    expect(riskOverrideSchema.parse(override)).toEqual(override);
  });

  it('requires a reason', () => {
    expect(issuesOf({ ...override, reason: '   ' })).toEqual([
      { path: ['reason'], message: 'required' },
    ]);
  });

  it('refuses a reason the database cannot hold, naming the field', () => {
    expect(issuesOf({ ...override, reason: '泄漏\u0000' })).toEqual([
      { path: ['reason'], message: 'text.unstorable' },
    ]);
  });

  it('knows only the four classes', () => {
    expect(issuesOf({ ...override, riskClass: 'red' })).toHaveLength(1);
    expect(issuesOf({ ...override, computedClass: 'A' })).toHaveLength(1);
  });
});
