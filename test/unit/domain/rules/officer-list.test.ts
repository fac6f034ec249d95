import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/rules/calendar-date';
import {
  activeConflicts,
  eligibleOn,
  officerList,
  officerListGaps,
  officerPeriodExclusions,
} from '../../../../domain/rules/officer-list';
import type { UserForOfficerList } from '../../../../domain/rules/officer-list';
import { ruleUser, uid } from './fixture-records';

const withOfficerFields = (
  n: number,
  fields: Partial<UserForOfficerList> = {},
): UserForOfficerList => ({
  ...ruleUser(n),
  certificateExpiresOn: '2027-06-30',
  leave: [],
  ...fields,
});

describe('officerList', () => {
  it('lists inspectors with a certificate and its expiry, by user id, with their agency and leave dates', () => {
    const users = [
      withOfficerFields(3, {
        leave: [
          { from: '2026-05-01', to: '2026-05-05', note: '年休假' },
          { from: '2026-02-01', to: '2026-02-03', note: '' },
        ],
      }),
      withOfficerFields(1),
    ];
    expect(officerList(users)).toEqual([
      {
        userId: uid(1),
        agencyId: uid(800),
        certificateNo: 'ZJ-000001',
        certificateExpiresOn: '2027-06-30',
        leave: [],
      },
      {
        userId: uid(3),
        agencyId: uid(800),
        certificateNo: 'ZJ-000003',
        certificateExpiresOn: '2027-06-30',
        leave: [
          { from: '2026-02-01', to: '2026-02-03' },
          { from: '2026-05-01', to: '2026-05-05' },
        ],
      },
    ]);
  });

  it('leaves out supervisors, administrators, deleted users and inspectors without a certificate expiry, and says why for inspectors', () => {
    const users: UserForOfficerList[] = [
      withOfficerFields(1, { role: 'supervisor' }),
      withOfficerFields(2, { role: 'admin' }),
      withOfficerFields(3, { deletedAt: '2026-01-01T00:00:00.000Z' }),
      withOfficerFields(4, { certificateExpiresOn: null }),
      // A user record from before the officer fields: no expiry known.
      ruleUser(5),
      withOfficerFields(6, { certificateNo: null }),
    ];
    expect(officerList(users)).toEqual([]);
    expect(officerListGaps(users)).toEqual([
      { userId: uid(4), gap: 'noCertificateExpiry' },
      { userId: uid(5), gap: 'noCertificateExpiry' },
      { userId: uid(6), gap: 'noCertificate' },
    ]);
  });
});

describe('eligibleOn', () => {
  const officer = {
    certificateExpiresOn: '2026-06-30',
    leave: [{ from: '2026-03-10', to: '2026-03-12' }],
  };

  it('is true on a day with a valid certificate and no leave, the expiry day included', () => {
    expect(eligibleOn(officer, '2026-03-09')).toBe(true);
    expect(eligibleOn(officer, '2026-03-13')).toBe(true);
    expect(eligibleOn(officer, '2026-06-30')).toBe(true);
  });

  it('is false on leave (both ends included) and once the certificate has expired', () => {
    expect(eligibleOn(officer, '2026-03-10')).toBe(false);
    expect(eligibleOn(officer, '2026-03-12')).toBe(false);
    expect(eligibleOn(officer, '2026-07-01')).toBe(false);
  });
});

describe('officerPeriodExclusions', () => {
  const q2 = { from: '2026-04-01', to: '2026-06-30' };

  it('excludes an officer whose certificate lapses before the period ends', () => {
    expect(officerPeriodExclusions({ certificateExpiresOn: '2026-06-29', leave: [] }, q2)).toEqual([
      'certificateExpires',
    ]);
    expect(officerPeriodExclusions({ certificateExpiresOn: '2026-06-30', leave: [] }, q2)).toEqual(
      [],
    );
  });

  it('excludes an officer on leave on any day of the period', () => {
    const on = (from: string, to: string) =>
      officerPeriodExclusions({ certificateExpiresOn: '2030-01-01', leave: [{ from, to }] }, q2);
    expect(on('2026-03-25', '2026-04-01')).toEqual(['onLeave']);
    expect(on('2026-06-30', '2026-07-10')).toEqual(['onLeave']);
    expect(on('2026-03-01', '2026-07-31')).toEqual(['onLeave']);
    expect(on('2026-03-01', '2026-03-31')).toEqual([]);
    expect(on('2026-07-01', '2026-07-31')).toEqual([]);
  });

  it('agrees with eligibleOn: an officer may go for a period exactly when eligible on each of its days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 100 }), days: fc.nat(10) }), {
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.nat(20),
        (expires, leave, start, days) => {
          const d = (n: number) => addDays('2026-01-01', n);
          const officer = {
            certificateExpiresOn: d(expires),
            leave: leave.map((l) => ({ from: d(l.start), to: d(l.start + l.days) })),
          };
          const everyDay = Array.from({ length: days + 1 }, (_, i) => d(start + i)).every((day) =>
            eligibleOn(officer, day),
          );
          const exclusions = officerPeriodExclusions(officer, {
            from: d(start),
            to: d(start + days),
          });
          expect(exclusions.length === 0).toBe(everyDay);
        },
      ),
    );
  });
});

describe('activeConflicts', () => {
  it('keeps declarations not withdrawn, each pair once, in canonical order', () => {
    const declaration = (
      officerId: string,
      enterpriseId: string,
      deletedAt: string | null = null,
    ) => ({
      officerId,
      enterpriseId,
      deletedAt,
    });
    expect(
      activeConflicts([
        declaration(uid(2), uid(200)),
        declaration(uid(1), uid(201)),
        declaration(uid(2), uid(200)),
        declaration(uid(3), uid(200), '2026-01-01T00:00:00.000Z'),
      ]),
    ).toEqual([
      { officerId: uid(2), enterpriseId: uid(200) },
      { officerId: uid(1), enterpriseId: uid(201) },
    ]);
  });
});
