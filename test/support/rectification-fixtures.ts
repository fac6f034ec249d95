// A scene for the rectification rules' tests: an enterprise in the development zone, a submitted
// inspection of it by li (safety bureau) that found hazards, re-inspection visits, and the officers
// who act on them. Records the scene needs as already held are written straight to the database,
// as the server itself writes them, so that each test sends through the push only the step it is
// about.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ExtensionDecisionInput, ExtensionRequestInput } from '../../domain/rules/extension';
import { requestExtension } from '../../domain/rules/extension';
import type { Actor } from '../../domain/rules/rectification';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { MutationResult } from '../../domain/sync/protocol';
import type { DatabaseKind } from '../../server/src/db/database';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import { writeRecords } from '../../server/src/sync/record-store';
import { jpeg, sha } from './blob-fixtures';
import type { DemoApp } from './demo-app';
import { bearer, demoApp } from './demo-app';
import type { Device, MutationInput } from './push-fixtures';
import { newFinding, newInspection, push, signIn } from './push-fixtures';
import { storedCopy } from './stored-state';

export const ZONE = '330604400';
/** The server's clock in these tests (TEST_NOW) is 2026-11-29 08:00 in China. */
export const today = '2026-11-29';
/** 07:30 in China on the server's day: a time an officer may state. */
export const at = '2026-11-28T23:30:00.000Z';
const photoBytes = jpeg('after-photo');
/** An after-photo every officer of the scene has uploaded (a record may refer only to those). */
export const photo = {
  sha256: sha(photoBytes),
  mime: 'image/jpeg' as const,
  size: photoBytes.length,
};

export interface Scene {
  t: DemoApp;
  li: Device;
  chen: Device;
  zhao: Device;
  admin: Device;
  safety: Device;
  environment: Device;
  enterpriseId: string;
  /** Another enterprise of the zone. */
  otherEnterpriseId: string;
  /** The submitted inspection by li (safety bureau) that found the hazards. */
  original: Inspection;
}

export async function rectificationScene(t: DemoApp): Promise<Scene> {
  const device = (username: string) => signIn(t.app, t.district, username);
  const [li, chen, zhao, admin, safety, environment] = await Promise.all(
    [
      'inspector.li',
      'inspector.chen',
      'inspector.zhao',
      'admin',
      'supervisor.safety',
      'supervisor.env',
    ].map(device),
  );
  for (const d of [li, chen, zhao, admin, safety, environment]) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/blobs/${photo.sha256}`,
      headers: { ...bearer(d!.token), 'content-type': photo.mime },
      payload: photoBytes,
    });
    expect(res.statusCode).toBe(201);
  }
  const zone = t.district.enterprises.filter((e) => e.town === ZONE);
  const [enterprise, other] = zone;
  if (!enterprise || !other) throw new Error('the zone has fewer than two enterprises');
  const scene = {
    t,
    li: li!,
    chen: chen!,
    zhao: zhao!,
    admin: admin!,
    safety: safety!,
    environment: environment!,
    enterpriseId: enterprise.id,
    otherEnterpriseId: other.id,
  };
  const original = newInspection(t.district, scene.li.userId, enterprise.id, {
    agencyIds: [agencyOf(t, 'supervisor.safety')],
    status: 'submitted',
    startedAt: '2026-11-20T09:00:00.000+08:00',
    finishedAt: '2026-11-20T11:00:00.000+08:00',
  });
  await store(t, [original]);
  return { ...scene, original };
}

/**
 * Registers the calling suite's hooks: a demo app on `kind` with the scene made before its tests
 * (closed after them), the scene handed to `onReady` for the suite's own set-up.
 */
export function withRectificationScene(
  kind: DatabaseKind,
  onReady: (s: Scene) => void | Promise<void>,
): void {
  let opened: DemoApp | undefined;
  beforeAll(async () => {
    opened = await demoApp(kind);
    await onReady(await rectificationScene(opened));
  });
  afterAll(() => opened?.close());
}

export function agencyOf(t: DemoApp, username: string): string {
  const user = t.district.users.find((u) => u.record.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.record.agencyId;
}

/** Writes records as the server holds them; answers them with the versions they were given. */
export async function store<R extends Finding | Inspection>(
  t: DemoApp,
  records: R[],
): Promise<R[]> {
  const written = await t.db.transaction((tx) =>
    writeRecords(
      tx,
      records.map((data) => ({
        entity: 'templateId' in data ? ('inspection' as const) : ('finding' as const),
        data,
      })),
    ),
  );
  return records.map((r, i) => ({ ...r, version: written[i]?.version ?? 0 }));
}

/**
 * A new re-inspection visit, not yet sent, shaped as the app's (no answers, no signatures,
 * submitted, at `at`) but built on a demo inspection: led by `leadId` with `coInspectorIds`.
 */
export function newVisit(
  district: DemoDistrict,
  leadId: string,
  enterpriseId: string,
  coInspectorIds: string[],
  overrides: Partial<Inspection> = {},
): Inspection {
  return newInspection(district, leadId, enterpriseId, {
    kind: 'reinspection',
    status: 'submitted',
    coInspectorIds,
    startedAt: at,
    finishedAt: at,
    location: null,
    itemResults: [],
    enterpriseRep: null,
    signatures: [],
    refusedToSign: null,
    ...overrides,
  });
}

/** A re-inspection visit to `enterpriseId` led by `lead` at `startedAt`, held by the server. */
export async function storedVisit(
  s: Scene,
  lead: Device,
  overrides: Partial<Inspection> = {},
): Promise<Inspection> {
  const visit = newInspection(s.t.district, lead.userId, s.enterpriseId, {
    kind: 'reinspection',
    status: 'submitted',
    startedAt: at,
    finishedAt: at,
    agencyIds: [agencyOf(s.t, lead.username)],
    ...overrides,
  });
  const [held] = await store(s.t, [visit]);
  return held!;
}

/** A hazard of the original inspection (or of `found`), held by the server in the state given. */
export async function storedHazard(
  s: Scene,
  overrides: Partial<Finding> = {},
  found: Inspection = s.original,
): Promise<Finding> {
  const [held] = await store(s.t, [
    newFinding(found, { id: uuidv7(), deadline: '2026-12-10', ...overrides }),
  ]);
  return held!;
}

/** The scene's officer `d` as the rules' actor: stating `at`, on `day` by their device's clock. */
export const actingAs = (d: Device, day = today): Actor => ({ userId: d.userId, at, today: day });

/** The enterprise's request for more time on a hazard of the scene: a part that comes late. */
export const extensionAsk: ExtensionRequestInput = {
  requestedOn: '2026-11-28',
  reason: '防爆电机到货延迟',
  requestedDeadline: '2027-01-15',
};

/**
 * A hazard (storedHazard's, with `overrides`, of `found`) held with chen's request for more time
 * (`input`), waiting for a decision.
 */
export async function heldAskingForTime(
  s: Scene,
  overrides: Partial<Finding> = {},
  found: Inspection = s.original,
  input: ExtensionRequestInput = extensionAsk,
): Promise<Finding> {
  const hazard = await storedHazard(s, overrides, found);
  const [held] = await store(s.t, [requestExtension(hazard, input, actingAs(s.chen), uuidv7())]);
  return held!;
}

/**
 * A supervisor's decision on the last request of `f`: a grant to 2027-01-10, or (with result
 * 'refused') a refusal with its reason, unless `input` says otherwise.
 */
export function extensionDecision(
  f: Finding,
  input: Partial<ExtensionDecisionInput> = {},
): ExtensionDecisionInput {
  const refused = input.result === 'refused';
  return {
    extensionId: f.extensions?.at(-1)?.id ?? '',
    result: 'granted',
    newDeadline: refused ? null : '2027-01-10',
    comment: refused ? '理由不充分' : '',
    ...input,
  };
}

export function heldFinding(t: DemoApp, id: string) {
  return storedCopy<Finding>(t.db, 'finding', id);
}

/** Pushes one mutation and answers its result. */
export async function pushOne(s: Scene, device: Device, mutation: MutationInput) {
  const res = await push(s.t.app, device, [mutation]);
  return res.results[0] as MutationResult;
}

/**
 * Pushes one change of a held hazard and expects it refused with `code`, the hazard and its
 * history left exactly as they were.
 */
export async function expectRefused(
  s: Scene,
  device: Device,
  mutation: MutationInput,
  code: string,
): Promise<void> {
  const before = await heldFinding(s.t, mutation.id);
  const history = await historyCount(s.t, mutation.id);
  const result = await pushOne(s, device, mutation);
  expect(result.status, `${device.username}: ${result.error ?? ''}`).toBe('rejected');
  expect(result.reason?.code, result.error).toBe(code);
  expect(await heldFinding(s.t, mutation.id)).toEqual(before);
  expect(await historyCount(s.t, mutation.id)).toBe(history);
}

async function historyCount(t: DemoApp, id: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM history WHERE entity = 'finding' AND id = $1::uuid`,
    [id],
  );
  return row?.n ?? 0;
}
