// Valid records for renderer tests, built through the domain schemas so they stay valid.
import { unitsFromChemicals } from '../../domain/rules/enterprise-units';
import { enterpriseSchema } from '../../domain/schemas/enterprise';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { findingSchema } from '../../domain/schemas/finding';
import type { Finding } from '../../domain/schemas/finding';
import { inspectionSchema } from '../../domain/schemas/inspection';
import type { Inspection } from '../../domain/schemas/inspection';
import { userSchema } from '../../domain/schemas/user';
import type { User } from '../../domain/schemas/user';
import { usccCheckCharacter } from '../../domain/rules/uscc';
import type { Session } from '../../domain/platform/contract';
import { demoTownKind, towns } from '../../domain/data/towns';
import type { TownRecord } from '../../domain/schemas/town';

let counter = 0;

/** A fresh UUID (v4 is accepted by the schemas; the server makes v7 ones). */
export function newId(): string {
  return crypto.randomUUID();
}

export function creditCode(body17: string): string {
  return body17 + usccCheckCharacter(body17);
}

export function makeEnterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  counter++;
  const serial = String(counter).padStart(9, '0');
  return enterpriseSchema.parse({
    id: newId(),
    version: counter,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: '0197a000-0000-7000-8000-000000000001',
    name: `Enterprise ${counter}`,
    creditCode: creditCode(`91330604${serial}`),
    address: 'Road 1',
    town: '330604400',
    lat: 30.1,
    lon: 120.8,
    industry: 'Fine chemicals',
    contacts: [],
    units: unitsFromChemicals([]),
    peopleWithin500m: 0,
    track: 'cluster_upgrade',
    trackMilestones: [],
    ...overrides,
  });
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return findingSchema.parse({
    id: newId(),
    version: 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: '0197a000-0000-7000-8000-000000000001',
    inspectionId: newId(),
    enterpriseId: newId(),
    itemId: null,
    title: 'Leaking valve',
    description: '',
    category: 'chemical_storage',
    grade: 'general',
    legalBasis: 'Art. 1',
    requirement: 'Replace it',
    deadline: '2026-12-01',
    responsiblePerson: 'Zhang',
    photos: [],
    status: 'open',
    verification: null,
    ...overrides,
  });
}

export function makeUser(overrides: Partial<User> = {}): User {
  return userSchema.parse({
    id: newId(),
    version: 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: '0197a000-0000-7000-8000-000000000001',
    username: 'inspector.li',
    displayName: 'Li Ming',
    role: 'inspector',
    agencyId: '0197a000-0000-7000-8000-0000000000a1',
    jurisdiction: ['330604400'],
    certificateNo: 'AJ-330604-01',
    ...overrides,
  });
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    token: 't'.repeat(43),
    deviceId: newId(),
    serverUrl: 'https://hq.test',
    user: makeUser(),
    ...overrides,
  };
}

/** The session of the inspector the inspection tests sign in as. */
export const liMingSession = (): Session =>
  makeSession({ user: makeUser({ displayName: 'Li Ming' }) });

export function makeInspection(overrides: Partial<Inspection> = {}): Inspection {
  return inspectionSchema.parse({
    id: newId(),
    version: 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: '0197a000-0000-7000-8000-000000000001',
    enterpriseId: newId(),
    templateId: newId(),
    templateVersion: 1,
    kind: 'routine',
    agencyIds: ['0197a000-0000-7000-8000-0000000000a1'],
    leadInspectorId: newId(),
    coInspectorIds: [],
    startedAt: '2026-11-01T09:00:00.000+08:00',
    finishedAt: null,
    location: null,
    itemResults: [],
    enterpriseRep: null,
    signatures: [],
    refusedToSign: null,
    status: 'submitted',
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments: [],
    ...overrides,
  });
}

/** The demo district's towns as the records a pull leaves on the device. */
export function demoTownRecords(): TownRecord[] {
  return towns.map((t, i) => ({
    id: `0190d000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    version: i + 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    createdBy: '0190d000-0000-7000-8000-ffffffffffff',
    code: t.code,
    name: t.nameZh,
    nameEn: t.nameEn,
    kind: demoTownKind(t.code),
  }));
}
