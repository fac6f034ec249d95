import { describe, expect, it } from 'vitest';
import {
  conflictDeclarationSchema,
  leavePeriodSchema,
  officerEntrySchema,
  officerFieldsSchema,
} from '../../../../domain/schemas/officer';

const ids = {
  a: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50',
  b: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51',
  c: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52',
};

const issuesOf = (schema: { safeParse: (v: unknown) => unknown }, input: unknown) => {
  const result = schema.safeParse(input) as
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('leavePeriodSchema', () => {
  it('accepts a period of one day or more, with a note', () => {
    expect(leavePeriodSchema.parse({ from: '2026-05-01', to: '2026-05-01', note: '病假' })).toEqual(
      {
        from: '2026-05-01',
        to: '2026-05-01',
        note: '病假',
      },
    );
  });

  it('refuses a period that ends before it starts, or a date that is not one', () => {
    expect(issuesOf(leavePeriodSchema, { from: '2026-05-02', to: '2026-05-01', note: '' })).toEqual(
      [{ path: ['to'], message: 'leave.endsBeforeStart' }],
    );
    expect(issuesOf(leavePeriodSchema, { from: '2026-02-30', to: '2026-03-01', note: '' })).toEqual(
      [{ path: ['from'], message: 'date.invalid' }],
    );
  });

  it('refuses a note the database cannot hold', () => {
    expect(
      issuesOf(leavePeriodSchema, { from: '2026-05-01', to: '2026-05-02', note: '\ud800' }),
    ).toEqual([{ path: ['note'], message: 'text.unstorable' }]);
  });
});

describe('officerFieldsSchema', () => {
  it('holds the certificate expiry (or none recorded) and the leave periods', () => {
    expect(officerFieldsSchema.parse({ certificateExpiresOn: null, leave: [] })).toEqual({
      certificateExpiresOn: null,
      leave: [],
    });
    expect(
      issuesOf(officerFieldsSchema, { certificateExpiresOn: '2026-13-01', leave: [] }),
    ).toEqual([{ path: ['certificateExpiresOn'], message: 'date.invalid' }]);
  });
});

describe('officerEntrySchema', () => {
  const entry = {
    userId: ids.a,
    agencyId: ids.b,
    certificateNo: 'ZJ33060401001',
    certificateExpiresOn: '2027-12-31',
    leave: [{ from: '2026-05-01', to: '2026-05-03' }],
  };

  it('accepts an entry with a certificate number and expiry', () => {
    expect(officerEntrySchema.parse(entry)).toEqual(entry);
  });

  it('requires a well-formed certificate number and an expiry', () => {
    expect(issuesOf(officerEntrySchema, { ...entry, certificateNo: '证 1' })).toEqual([
      { path: ['certificateNo'], message: 'certificateNo.invalid' },
    ]);
    expect(issuesOf(officerEntrySchema, { ...entry, certificateExpiresOn: null })).toHaveLength(1);
  });
});

describe('conflictDeclarationSchema', () => {
  const declaration = {
    id: ids.c,
    version: 0,
    updatedAt: '2026-03-01T01:00:00.000Z',
    deletedAt: null,
    createdBy: ids.a,
    officerId: ids.a,
    enterpriseId: ids.b,
    reason: '配偶在该企业任安全主管',
    declaredAt: '2026-03-01T01:00:00.000Z',
  };

  it('accepts a declaration with its reason', () => {
    expect(conflictDeclarationSchema.parse(declaration)).toEqual(declaration);
  });

  it('requires a reason the database can hold', () => {
    expect(issuesOf(conflictDeclarationSchema, { ...declaration, reason: ' ' })).toEqual([
      { path: ['reason'], message: 'required' },
    ]);
    expect(issuesOf(conflictDeclarationSchema, { ...declaration, reason: '亲属\u0000' })).toEqual([
      { path: ['reason'], message: 'text.unstorable' },
    ]);
  });
});
