// People the demo district lacks, added as the admin tool adds them (a user record and a
// password), signed in on a device of their own: e.g. a second safety inspector of the
// development zone, or a supervisor whose jurisdiction is a single town.
import { v7 as uuidv7 } from 'uuid';
import type { AgencyKind } from '../../domain/schemas/agency';
import type { User } from '../../domain/schemas/user';
import { writeRecords } from '../../server/src/sync/record-store';
import { passwordHashOf, setPasswordHash } from '../../server/src/users/user-store';
import type { DemoApp } from './demo-app';
import { DEMO_PASSWORD_FOR_TESTS, postJson } from './demo-app';
import type { Device } from './push-fixtures';

export interface ExtraUser {
  username: string;
  role: User['role'];
  agency: Extract<AgencyKind, 'safety' | 'environment'>;
  jurisdiction: string[];
}

/** The id of the demo agency of this kind. */
export function agencyOf(t: DemoApp, kind: ExtraUser['agency']): string {
  const agency = t.district.agencies.find((a) => a.kind === kind);
  if (!agency) throw new Error(`no ${kind} agency in the demo district`);
  return agency.id;
}

/**
 * Writes the user `build` makes of a fresh id and the demo administrator's id, with the demo
 * password (as the seed hashed it for the administrator), and signs them in on a new device.
 */
export async function addSignedInUser(
  t: DemoApp,
  build: (id: string, adminId: string) => User,
): Promise<Device> {
  const admin = t.district.users.find((u) => u.record.role === 'admin')?.record;
  if (!admin) throw new Error('the demo district has no administrator');
  const user = build(uuidv7(), admin.id);
  await t.db.transaction(async (tx) => {
    await writeRecords(tx, [{ entity: 'user', data: user }]);
    const hash = await passwordHashOf(tx, admin.id);
    if (!hash) throw new Error('the administrator has no password');
    await setPasswordHash(tx, user.id, hash, new Date());
  });
  const res = await postJson(t.app, '/api/v1/auth/login', {
    username: user.username,
    password: DEMO_PASSWORD_FOR_TESTS,
    deviceName: `${user.username} test device`,
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${user.username}: ${res.statusCode} ${res.body}`);
  const body = res.json<{ token: string; deviceId: string }>();
  return { username: user.username, userId: user.id, ...body, nextMid: 1 };
}

/**
 * Adds the user (with the demo password, and any fields of `more` besides the spec's) and signs
 * them in on a new device.
 */
export function addUser(t: DemoApp, spec: ExtraUser, more: Partial<User> = {}): Promise<Device> {
  return addSignedInUser(t, (id, adminId) => ({
    id,
    version: 0,
    updatedAt: new Date().toISOString(),
    deletedAt: null,
    createdBy: adminId,
    username: spec.username,
    displayName: spec.username,
    role: spec.role,
    agencyId: agencyOf(t, spec.agency),
    jurisdiction: spec.jurisdiction,
    certificateNo: spec.role === 'admin' ? null : `ZJ-${id.slice(-8)}`,
    ...more,
  }));
}
