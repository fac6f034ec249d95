// The rules' tests' records: the shared fixtures (test/support/record-fixtures.ts) with
// deterministic ids (uid(n)) and dates, so that a rule's answer can be written down by hand.
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
} from '../../../support/record-fixtures';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';

/** A deterministic UUIDv7-shaped id: uid(1) … uid(n). */
export const uid = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const sha = (n: number) => String(n).padStart(64, '0');

const sync = (id: string) => ({
  id,
  version: 1,
  updatedAt: '2026-03-01T08:00:00.000+08:00',
  deletedAt: null,
  createdBy: uid(900),
});

export function ruleUser(n: number, overrides: Partial<User> = {}): User {
  return makeUser({
    ...sync(uid(n)),
    username: `inspector.${n}`,
    displayName: `检查员${n}`,
    role: 'inspector',
    agencyId: uid(800),
    jurisdiction: ['330604001'],
    certificateNo: `ZJ-${String(n).padStart(6, '0')}`,
    ...overrides,
  });
}

export function ruleInspection(overrides: Partial<Inspection> = {}): Inspection {
  return makeInspection({
    ...sync(uid(100)),
    enterpriseId: uid(200),
    templateId: uid(300),
    templateVersion: 3,
    kind: 'routine',
    agencyIds: [uid(800)],
    leadInspectorId: uid(1),
    coInspectorIds: [uid(2)],
    startedAt: '2026-03-02T09:30:00.000+08:00',
    finishedAt: '2026-03-02T11:00:00.000+08:00',
    location: { lat: 30.03, lon: 120.87, accuracyM: 12 },
    itemResults: [],
    enterpriseRep: { name: '王建国', title: '安全负责人' },
    signatures: [],
    refusedToSign: null,
    status: 'draft',
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments: [],
    ...overrides,
  });
}

export function ruleFinding(n: number, overrides: Partial<Finding> = {}): Finding {
  return makeFinding({
    ...sync(uid(n)),
    inspectionId: uid(100),
    enterpriseId: uid(200),
    itemId: null,
    title: `隐患${n}`,
    description: '',
    category: 'fire',
    grade: 'general',
    legalBasis: '《中华人民共和国消防法》第十六条',
    requirement: '限期整改',
    deadline: '2026-03-17',
    responsiblePerson: '张三',
    photos: [],
    status: 'open',
    verification: null,
    ...overrides,
  });
}

export function ruleEnterprise(n: number, overrides: Partial<Enterprise> = {}): Enterprise {
  return makeEnterprise({
    ...sync(uid(n)),
    name: `示例化工有限公司${n}`,
    creditCode: '91330604MA2BCD123L',
    address: '杭州湾上虞经济技术开发区纬三路1号',
    town: '330604400',
    lat: 30.1,
    lon: 120.9,
    industry: '精细化工',
    contacts: [],
    units: unitsFromChemicals([]),
    peopleWithin500m: 0,
    track: 'cluster_upgrade',
    trackMilestones: [],
    ...overrides,
  });
}
