// What the endpoint fuzzer acts on: a demo-district app, a signed-in device of each role, a
// revoked token, and its reading of the database (records to perturb, conflicts to resolve,
// photos to ask for), read again whenever a request may have changed them.
import { createHash } from 'node:crypto';
import type { EntityName } from '../../domain/schemas/entities';
import type { DemoApp } from './demo-app';
import { bearer } from './demo-app';
import { signIn } from './push-fixtures';

/**
 * Who sends the requests. The bystander is an inspector whose own account the administrator's
 * pushes may change (or delete); the others' accounts are left alone, so that they keep their
 * roles and their sessions for the whole run.
 */
export const actorNames = ['inspector', 'supervisor', 'admin', 'bystander'] as const;
export type ActorName = (typeof actorNames)[number];

const usernames: Record<ActorName, string> = {
  inspector: 'inspector.li',
  supervisor: 'supervisor.safety',
  admin: 'admin',
  bystander: 'inspector.wang',
};

export interface Actor {
  name: ActorName;
  username: string;
  userId: string;
  token: string;
  tokenHash: string;
  deviceId: string;
  /** The last mid the server holds from this device (from its answers). */
  lastMid: number;
}

export interface StoredRow {
  entity: EntityName;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

export interface FuzzWorld {
  t: DemoApp;
  actors: Record<ActorName, Actor>;
  /** A token whose session was signed out. */
  revokedToken: string;
  records: StoredRow[];
  conflictIds: string[];
  blobHashes: string[];
  /** A cursor a real pull gave out. */
  cursor: string;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function openWorld(t: DemoApp): Promise<FuzzWorld> {
  const actors = {} as Record<ActorName, Actor>;
  for (const name of actorNames) {
    const device = await signIn(t.app, t.district, usernames[name]);
    actors[name] = {
      name,
      username: device.username,
      userId: device.userId,
      token: device.token,
      tokenHash: tokenHash(device.token),
      deviceId: device.deviceId,
      lastMid: 0,
    };
  }
  const revoked = await signIn(t.app, t.district, 'inspector.chen');
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: bearer(revoked.token),
  });
  const pulled = await t.app.inject({
    method: 'GET',
    url: '/api/v1/sync/pull?limit=5',
    headers: bearer(actors.inspector.token),
  });
  const world: FuzzWorld = {
    t,
    actors,
    revokedToken: revoked.token,
    records: [],
    conflictIds: [],
    blobHashes: [],
    cursor: pulled.json<{ cursor: string }>().cursor,
  };
  await refreshWorld(world);
  return world;
}

/** Reads again what the fuzzer picks from. */
export async function refreshWorld(world: FuzzWorld): Promise<void> {
  const db = world.t.db;
  world.records = await db.query<StoredRow>(
    'SELECT entity, id::text AS id, version, data FROM records ORDER BY entity, id',
  );
  world.conflictIds = (
    await db.query<{ id: string }>('SELECT id::text AS id FROM conflicts ORDER BY id')
  ).map((r) => r.id);
  world.blobHashes = (
    await db.query<{ sha256: string }>('SELECT sha256 FROM blobs ORDER BY sha256')
  ).map((r) => r.sha256);
}

/** The `pick`-th stored record of `entity` (modulo how many there are), if any. */
export function pickRecord(world: FuzzWorld, entity: EntityName, pick: number) {
  const rows = world.records.filter((r) => r.entity === entity && !isActorAccount(world, r));
  return rows.length === 0 ? undefined : rows[pick % rows.length];
}

/**
 * The stored records `actor` may well change: an administrator's reference records, an
 * inspector's inspections and their hazards, the inspections a supervisor reviews.
 */
export function ownRecords(world: FuzzWorld, actor: Actor): StoredRow[] {
  if (actor.name === 'admin') {
    return world.records.filter(
      (r) => !['inspection', 'finding'].includes(r.entity) && !isActorAccount(world, r),
    );
  }
  const led = new Set(
    world.records
      .filter(
        (r) =>
          r.entity === 'inspection' &&
          (actor.name === 'supervisor' || r.data.leadInspectorId === actor.userId),
      )
      .map((r) => r.id),
  );
  return world.records.filter(
    (r) =>
      (r.entity === 'inspection' && led.has(r.id)) ||
      (actor.name !== 'supervisor' &&
        r.entity === 'finding' &&
        led.has(String(r.data.inspectionId))),
  );
}

/** Whether the record is the account of an actor other than the bystander. */
function isActorAccount(world: FuzzWorld, r: StoredRow): boolean {
  return (
    r.entity === 'user' &&
    actorNames.some((name) => name !== 'bystander' && world.actors[name].userId === r.id)
  );
}
