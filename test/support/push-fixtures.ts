// Builders for push tests: signed-in devices, new inspections and findings made from the demo
// district, and a push helper that returns the parsed answer.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect } from 'vitest';
import { officerAgencyIds } from '../../domain/rules/officers';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import type { Mutation, PushResponse } from '../../domain/sync/protocol';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import { hashPassword } from '../../server/src/auth/passwords';
import type { DatabaseKind } from '../../server/src/db/database';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import { setPasswordHash } from '../../server/src/users/user-store';
import type { DemoApp } from './demo-app';
import { DEMO_PASSWORD_FOR_TESTS, bearer, demoApp, login, postJson } from './demo-app';
import { recordStates } from './stored-state';

export interface Device {
  username: string;
  userId: string;
  token: string;
  deviceId: string;
  /** The next mid this device will use. */
  nextMid: number;
}

export async function signIn(
  app: FastifyInstance,
  district: DemoDistrict,
  username: string,
  deviceId?: string,
): Promise<Device> {
  const res = await postJson(app, '/api/v1/auth/login', {
    username,
    password: DEMO_PASSWORD_FOR_TESTS,
    deviceName: `${username} test device`,
    ...(deviceId ? { deviceId } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; deviceId: string }>();
  return { username, userId: userIdOf(district, username), ...body, nextMid: 1 };
}

/** Signs each demo user of `usernames` in on a device of their own, one after another, by key. */
export async function signInAll<K extends string>(
  app: FastifyInstance,
  district: DemoDistrict,
  usernames: Record<K, string>,
): Promise<Record<K, Device>> {
  const devices = {} as Record<K, Device>;
  for (const [key, username] of Object.entries(usernames) as [K, string][]) {
    devices[key] = await signIn(app, district, username);
  }
  return devices;
}

/**
 * Registers the calling suite's hooks: a demo app opened before its tests (closed after them) with
 * a device of `username` signed in, both handed to `onReady`.
 */
export function withSignedInApp(
  kind: DatabaseKind,
  username: string,
  options: Parameters<typeof demoApp>[1],
  onReady: (t: DemoApp, device: Device) => void,
): void {
  let opened: DemoApp | undefined;
  beforeAll(async () => {
    opened = await demoApp(kind, options);
    onReady(opened, await signIn(opened.app, opened.district, username));
  });
  afterAll(() => opened?.close());
}

export function userIdOf(district: DemoDistrict, username: string): string {
  const user = district.users.find((u) => u.record.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.record.id;
}

export type MutationInput = Omit<Mutation, 'mid'> & { mid?: number };

export function rawPush(
  app: FastifyInstance,
  device: Device,
  mutations: Mutation[],
  extra: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  return postJson(
    app,
    '/api/v1/sync/push',
    { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, mutations, ...extra },
    bearer(device.token),
  );
}

/** Numbers `inputs` from the device's next mid on, pushes them and expects a 200. */
export async function push(
  app: FastifyInstance,
  device: Device,
  inputs: MutationInput[],
): Promise<PushResponse & { mutations: Mutation[] }> {
  const mutations = numbered(device, inputs);
  const res = await rawPush(app, device, mutations);
  if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
  return { ...pushResponseSchema.parse(res.json()), mutations };
}

/**
 * Pushes `mutation` from `device` and expects it refused with `code`, and each of `untouched`
 * (entity and id) stored exactly as before; answers the push's answer.
 */
export async function expectPushRefused(
  t: DemoApp,
  device: Device,
  mutation: MutationInput,
  code: string,
  untouched: readonly [EntityName, string][] = [[mutation.entity, mutation.id]],
): Promise<PushResponse & { mutations: Mutation[] }> {
  const before = await recordStates(t.db, untouched);
  const res = await push(t.app, device, [mutation]);
  const what = `${device.username} ${mutation.op} ${mutation.entity}`;
  expect(res.results[0], what).toMatchObject({ status: 'rejected', reason: { code } });
  expect(await recordStates(t.db, untouched), what).toEqual(before);
  return res;
}

/** Gives inputs the device's next mids (and advances it). */
export function numbered(device: Device, inputs: MutationInput[]): Mutation[] {
  return inputs.map((m) => ({ ...m, mid: m.mid ?? device.nextMid++ }));
}

export const upsert = (
  entity: Mutation['entity'],
  data: { id: string; version?: number } & Record<string, unknown>,
  baseVersion = data.version ?? 0,
): MutationInput => ({ entity, id: data.id, op: 'upsert', data, baseVersion });

/** The deletion of a record the device holds at `baseVersion`. */
export const remove = (entity: EntityName, id: string, baseVersion: number): MutationInput => ({
  entity,
  id,
  op: 'delete',
  data: null,
  baseVersion,
});

/**
 * A new draft inspection led by `lead` at `enterpriseId`, modelled on a demo inspection; its
 * agencies are its officers' (as the server requires) unless the overrides name others.
 */
export function newInspection(
  district: DemoDistrict,
  leadId: string,
  enterpriseId: string,
  overrides: Partial<Inspection> = {},
): Inspection {
  const model = district.inspections[0];
  if (!model) throw new Error('the demo district has no inspections');
  const made: Inspection = {
    ...model,
    id: uuidv7(),
    version: 0,
    enterpriseId,
    leadInspectorId: leadId,
    coInspectorIds: [],
    status: 'draft',
    signatures: [],
    amendments: [],
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    createdBy: leadId,
    ...overrides,
  };
  const agencies = officerAgencyIds(
    made,
    district.users.map((u) => u.record),
  );
  return overrides.agencyIds || agencies.length === 0 ? made : { ...made, agencyIds: agencies };
}

export function newFinding(inspection: Inspection, overrides: Partial<Finding> = {}): Finding {
  return {
    id: uuidv7(),
    version: 0,
    updatedAt: '2026-11-29T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: inspection.leadInspectorId,
    inspectionId: inspection.id,
    enterpriseId: inspection.enterpriseId,
    itemId: null,
    title: '储罐区未设置可燃气体报警器',
    description: '现场检查发现储罐区未设置可燃气体报警器。',
    category: 'chemical_storage',
    grade: 'general',
    legalBasis: '《危险化学品安全管理条例》第二十条',
    requirement: '增设可燃气体报警器',
    deadline: '2026-12-31',
    responsiblePerson: '张三',
    photos: [],
    status: 'open',
    verification: null,
    ...overrides,
  };
}

/** A new draft inspection led by the device's user at an enterprise of their towns. */
export function newInspectionOf(
  district: DemoDistrict,
  device: Device,
  overrides: Partial<Inspection> = {},
): Inspection {
  return newInspection(
    district,
    device.userId,
    enterpriseFor(district, device.username),
    overrides,
  );
}

/** `count` new inspections by inspector.li with a hazard each, numbered from mid 1: one batch. */
export function newInspectionsBatch(district: DemoDistrict, count: number): Mutation[] {
  const userId = userIdOf(district, 'inspector.li');
  const enterpriseId = enterpriseFor(district, 'inspector.li');
  return Array.from({ length: count }, () => newInspection(district, userId, enterpriseId))
    .flatMap((i) => [upsert('inspection', i), upsert('finding', newFinding(i))])
    .map((m, index) => ({ ...m, mid: index + 1 }));
}

/** Pushes a new inspection of the device's user with one finding of it, and returns the answer. */
export async function pushNewFinding(
  app: FastifyInstance,
  district: DemoDistrict,
  device: Device,
  overrides: Partial<Finding> = {},
) {
  const inspection = newInspectionOf(district, device);
  const finding = newFinding(inspection, overrides);
  const res = await push(app, device, [
    upsert('inspection', inspection),
    upsert('finding', finding),
  ]);
  return { inspection, finding, res, findingVersion: res.results[1]?.version ?? 0 };
}

/** An enterprise of the demo district in (or outside) the given user's jurisdiction. */
export function enterpriseFor(district: DemoDistrict, username: string, inside = true): string {
  const user = district.users.find((u) => u.record.username === username)?.record;
  const found = district.enterprises.find(
    (e) => user !== undefined && user.jurisdiction.includes(e.town) === inside,
  );
  if (!found) throw new Error(`no enterprise ${inside ? 'in' : 'outside'} ${username}'s towns`);
  return found.id;
}

/**
 * A new inspector of the first demo agency with the given towns, created by the admin's device,
 * who signs in with the demo password: someone who takes part in no inspection yet.
 */
export async function addInspector(
  t: DemoApp,
  admin: Device,
  username: string,
  jurisdiction: string[],
): Promise<User> {
  const model = t.district.users.find((u) => u.record.role === 'inspector')?.record;
  if (!model) throw new Error('the demo district has no inspector');
  const user: User = {
    ...model,
    id: uuidv7(),
    version: 0,
    username,
    displayName: username,
    jurisdiction,
    createdBy: admin.userId,
  };
  const res = await push(t.app, admin, [upsert('user', user)]);
  if (res.results[0]?.status !== 'applied')
    throw new Error(`adding ${username}: ${JSON.stringify(res.results)}`);
  await setPasswordHash(t.db, user.id, await hashPassword(DEMO_PASSWORD_FOR_TESTS), new Date());
  return user;
}

/**
 * A new inspector (as addInspector makes one) with the towns of the demo user `townsOf`, signed
 * in on a device of their own: a colleague who has nothing to do with that user's records.
 */
export async function addColleague(
  t: DemoApp,
  admin: Device,
  townsOf: string,
  username: string,
): Promise<Device> {
  const towns = t.district.users.find((u) => u.record.username === townsOf)?.record;
  const user = await addInspector(t, admin, username, [...(towns?.jurisdiction ?? [])]);
  return {
    username: user.username,
    userId: user.id,
    nextMid: 1,
    ...(await login(t.app, user.username)),
  };
}
