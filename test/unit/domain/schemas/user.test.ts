import { describe, expect, it } from 'vitest';
import { passwordSchema, userSchema } from '../../../../domain/schemas/user';

const inspector = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 0,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  username: 'inspector.li',
  displayName: '李明',
  role: 'inspector',
  agencyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
  jurisdiction: ['330604400', '330604004'],
  certificateNo: 'ZJ33060401001',
};

const issuesOf = (input: unknown) => {
  const result = userSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('userSchema', () => {
  it('accepts an inspector with a certificate number', () => {
    expect(userSchema.parse(inspector)).toEqual(inspector);
  });

  it('rejects an inspector without a certificate number', () => {
    expect(issuesOf({ ...inspector, certificateNo: null })).toEqual([
      { path: ['certificateNo'], message: 'certificateNo.requiredForInspector' },
    ]);
  });

  it('lets supervisors and admins go without a certificate number', () => {
    for (const role of ['supervisor', 'admin']) {
      expect(issuesOf({ ...inspector, role, certificateNo: null })).toEqual([]);
    }
  });

  it('lower-cases the username and rejects malformed ones', () => {
    expect(userSchema.parse({ ...inspector, username: 'Inspector.Li' }).username).toBe(
      'inspector.li',
    );
    for (const username of ['li', '.li', 'inspector li', '李明']) {
      expect(issuesOf({ ...inspector, username })).toEqual([
        { path: ['username'], message: 'username.invalid' },
      ]);
    }
  });

  it('rejects a malformed certificate number, town code or role', () => {
    expect(issuesOf({ ...inspector, certificateNo: '证 123' })).toEqual([
      { path: ['certificateNo'], message: 'certificateNo.invalid' },
    ]);
    expect(issuesOf({ ...inspector, jurisdiction: ['道墟'] })).toEqual([
      { path: ['jurisdiction', 0], message: 'town.invalid' },
    ]);
    expect(issuesOf({ ...inspector, role: 'director' })).toHaveLength(1);
  });

  it("carries the officer list's certificate expiry and leave, absent on older records", () => {
    expect(userSchema.parse(inspector)).not.toHaveProperty('certificateExpiresOn');
    const officer = {
      ...inspector,
      certificateExpiresOn: '2029-06-30',
      leave: [{ from: '2027-02-01', to: '2027-02-03', note: '年假' }],
    };
    expect(userSchema.parse(officer)).toMatchObject({
      certificateExpiresOn: '2029-06-30',
      leave: officer.leave,
    });
    expect(issuesOf({ ...officer, certificateExpiresOn: '2029-02-30' })).toEqual([
      { path: ['certificateExpiresOn'], message: 'date.invalid' },
    ]);
    expect(
      issuesOf({ ...officer, leave: [{ from: '2027-02-03', to: '2027-02-01', note: '' }] }),
    ).toEqual([{ path: ['leave', 0, 'to'], message: 'leave.endsBeforeStart' }]);
  });
});

describe('passwordSchema', () => {
  it('needs 8 to 128 characters', () => {
    expect(passwordSchema.safeParse('demo12345').success).toBe(true);
    expect(passwordSchema.safeParse('short').error?.issues[0]?.message).toBe('password.tooShort');
    expect(passwordSchema.safeParse('x'.repeat(129)).error?.issues[0]?.message).toBe(
      'password.tooLong',
    );
  });
});
