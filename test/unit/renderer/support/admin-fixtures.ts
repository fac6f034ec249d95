// Answers of the administration API as the server gives them, for the administration screens'
// and client's tests over a fake server.
import type {
  AdminDevice,
  AdminUser,
  AuditEntryView,
} from '../../../../domain/schemas/admin-people-views';
import type { Agency } from '../../../../domain/schemas/agency';
import type { TownRecord } from '../../../../domain/schemas/town';
import { makeUser } from '../../../support/record-fixtures';

const base = (id: string) => ({
  id,
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000+08:00',
  deletedAt: null,
  createdBy: '0197a000-0000-7000-8000-000000000001',
});

export const agencyA: Agency = {
  ...base('0197a000-0000-7000-8000-0000000000a1'),
  name: '上虞区应急管理局',
  shortName: '上虞应急',
  kind: 'safety',
};

export const townA: TownRecord = {
  ...base('0197a000-0000-7000-8000-0000000000d1'),
  code: '330604001',
  name: '百官街道',
  nameEn: 'Baiguan',
  kind: 'subdistrict',
};

export function adminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    ...makeUser({ jurisdiction: [townA.code], agencyId: agencyA.id }),
    certificateExpiresOn: '2027-06-30',
    active: true,
    mustChangePassword: false,
    certificateExpiring: false,
    ...overrides,
  };
}

export function adminDevice(overrides: Partial<AdminDevice> = {}): AdminDevice {
  return {
    deviceId: '0197a000-0000-7000-8000-0000000000f1',
    name: 'Field Inspector on LAPTOP-7',
    user: {
      id: '0197a000-0000-7000-8000-0000000000e1',
      username: 'inspector.li',
      displayName: 'Li Ming',
      certificateNo: 'AJ-330604-01',
      certificateExpiresOn: '2026-12-10',
      certificateExpiring: true,
    },
    createdAt: '2026-11-20T01:00:00.000Z',
    lastSeenAt: '2026-11-29T01:00:00.000Z',
    lastSyncAt: '2026-11-29T01:00:00.000Z',
    unsentCount: 3,
    unsentReportedAt: '2026-11-29T01:00:00.000Z',
    revokedAt: null,
    wipeOrderedAt: null,
    wipedAt: null,
    sessions: [
      {
        id: 'a'.repeat(32),
        createdAt: '2026-11-20T01:00:00.000Z',
        lastSeenAt: '2026-11-29T01:00:00.000Z',
        expiresAt: '2026-12-20T01:00:00.000Z',
        revokedAt: null,
        live: true,
      },
    ],
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: 1,
    at: '2026-11-29T01:00:00.000Z',
    actorId: '0197a000-0000-7000-8000-0000000000e9',
    action: 'user.deactivate',
    targetKind: 'user',
    targetId: '0197a000-0000-7000-8000-0000000000e1',
    before: { active: true },
    after: { active: false },
    ...overrides,
  };
}
