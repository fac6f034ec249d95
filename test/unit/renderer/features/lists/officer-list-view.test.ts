import { describe, expect, it } from 'vitest';
import { officerRows } from '../../../../../renderer/src/features/lists/officer-list-view';
import { makeUser } from '../../../../support/record-fixtures';

const OTHER_AGENCY = '0197a000-0000-7000-8000-0000000000a2';
const TODAY = '2026-11-29';

describe('the officer list as the screen shows it', () => {
  const users = [
    makeUser({ displayName: 'Zhou', certificateExpiresOn: '2030-01-01', leave: [] }),
    makeUser({
      displayName: 'Li',
      certificateExpiresOn: '2030-01-01',
      leave: [
        { from: '2026-01-01', to: '2026-01-10', note: 'past' },
        { from: '2026-11-28', to: '2026-12-02', note: '年休假' },
      ],
    }),
    makeUser({ displayName: 'Qian', certificateExpiresOn: '2026-11-28' }),
    makeUser({ displayName: 'Sun', certificateExpiresOn: null }),
    makeUser({ displayName: 'Wu', role: 'supervisor', certificateExpiresOn: '2030-01-01' }),
    makeUser({ displayName: 'Zheng', agencyId: OTHER_AGENCY, certificateExpiresOn: '2030-01-01' }),
    makeUser({ displayName: 'Gone', deletedAt: '2026-10-01T00:00:00.000Z' }),
  ];

  it('lists the agency’s inspectors with whether and why a draw leaves them off', () => {
    const rows = officerRows(users, users[0]!.agencyId, TODAY);
    expect(rows.map((r) => [r.displayName, r.status])).toEqual([
      ['Li', 'onLeave'],
      ['Qian', 'certificateExpired'],
      ['Sun', 'noCertificateExpiry'],
      ['Zhou', 'eligible'],
    ]);
    expect(rows[0]?.currentLeave).toEqual([
      { from: '2026-11-28', to: '2026-12-02', note: '年休假' },
    ]);
    expect(rows[0]?.leave).toHaveLength(2);
  });

  it('lists every agency’s inspectors when no agency is chosen', () => {
    expect(officerRows(users, null, TODAY).map((r) => r.displayName)).toContain('Zheng');
  });
});
