// Inspections as the app makes them, through POST /sync/push: a complete draft (every checklist
// item answered, two certified officers, their signatures and the representative's, a location),
// submitted by its lead, then approved or returned by a supervisor. Signature images are uploaded
// by the lead's device, as the app does before it pushes the record referring to them.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { BlobRef } from '../../domain/schemas/common';
import type { Inspection, Review } from '../../domain/schemas/inspection';
import type { ServiceReceipt } from '../../domain/schemas/service-receipt';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import type { DemoApp } from './demo-app';
import { bearer } from './demo-app';
import type { Device } from './push-fixtures';
import { newInspection, push, upsert } from './push-fixtures';
import { mustBeStored } from './stored-state';

/** When the fixtures' visits end: after the demo's start times, before the tests' "now". */
export const FINISHED_AT = '2026-11-29T07:30:00.000+08:00';

/** PNG bytes (the signature pad's format) that differ for each seed. */
function png(seed: string): Buffer {
  const magic = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([magic, Buffer.from(`signature ${seed}`)]);
}

/** The signatures each app has had uploaded, by uploader and hash: each is sent once. */
const uploaded = new WeakMap<FastifyInstance, Set<string>>();

/** Uploads a signature image as `device` and answers the reference a record keeps of it. */
export async function uploadSignature(
  app: FastifyInstance,
  device: Device,
  seed: string,
): Promise<BlobRef> {
  const bytes = png(seed);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ref: BlobRef = { sha256, mime: 'image/png', size: bytes.length };
  const done = uploaded.get(app) ?? new Set<string>();
  uploaded.set(app, done);
  if (done.has(`${device.userId}:${sha256}`)) return ref;
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/blobs/${sha256}`,
    headers: { ...bearer(device.token), 'content-type': 'image/png' },
    payload: bytes,
  });
  if (res.statusCode >= 300) throw new Error(`signature upload: ${res.statusCode} ${res.body}`);
  done.add(`${device.userId}:${sha256}`);
  return ref;
}

/** A recipient's refusal to sign for a served document, signed by these witnesses in turn. */
export function witnessedRefusal(
  witnesses: readonly BlobRef[],
): NonNullable<ServiceReceipt['refusal']> {
  return {
    reason: '拒绝签收',
    witnesses: witnesses.map((signature, i) => ({
      name: `见证人${i + 1}`,
      organisation: '道墟街道办事处',
      signature,
    })),
  };
}

function displayName(district: DemoDistrict, userId: string): string {
  return district.users.find((u) => u.record.id === userId)?.record.displayName ?? '检查员';
}

/**
 * A draft that passes the submission check: led by `lead` with `coIds`, at `enterpriseId`, every
 * item of its template answered, every officer and the representative signed, and a location.
 */
export async function completeDraft(
  t: DemoApp,
  lead: Device,
  coIds: readonly string[],
  enterpriseId: string,
  overrides: Partial<Inspection> = {},
): Promise<Inspection> {
  const draft = newInspection(t.district, lead.userId, enterpriseId, {
    id: uuidv7(),
    coInspectorIds: [...coIds],
    ...overrides,
  });
  const officers = [lead.userId, ...coIds];
  const signatures = await Promise.all([
    ...officers.map(async (userId, i) => ({
      role: i === 0 ? ('lead' as const) : ('co' as const),
      userId,
      name: displayName(t.district, userId),
      // Each officer signs alike on every record (a pad's strokes differ; the tests need not).
      image: await uploadSignature(t.app, lead, userId),
      signedAt: FINISHED_AT,
    })),
    (async () => ({
      role: 'enterprise' as const,
      userId: null,
      name: '王建国',
      image: await uploadSignature(t.app, lead, 'enterprise'),
      signedAt: FINISHED_AT,
    }))(),
  ]);
  return { ...completed(t.district, draft, signatures), ...overrides };
}

/**
 * `draft` as it stands when complete and signed with `signatures`: every item of its template
 * passed, a start time, a location and the enterprise's representative.
 */
export function completed(
  district: DemoDistrict,
  draft: Inspection,
  signatures: Inspection['signatures'],
): Inspection {
  const template = district.templates.find((tpl) => tpl.id === draft.templateId);
  if (!template) throw new Error(`no demo template ${draft.templateId}`);
  return {
    ...draft,
    startedAt: '2026-11-29T06:00:00.000+08:00',
    finishedAt: null,
    location: { lat: 30.03, lon: 120.87, accuracyM: 8 },
    itemResults: template.sections.flatMap((s) =>
      s.items.map((item) => ({ itemId: item.id, result: 'pass' as const, note: '' })),
    ),
    enterpriseRep: { name: '王建国', title: '安全负责人' },
    signatures,
    refusedToSign: null,
  };
}

/** The inspection as the server stores it, with its version. */
export function storedInspection(t: DemoApp, id: string) {
  return mustBeStored<Inspection>(t.db, 'inspection', id);
}

/** Stores a complete draft and submits it, as the lead's device does; answers the stored copy. */
export async function submittedInspection(
  t: DemoApp,
  lead: Device,
  coIds: readonly string[],
  enterpriseId: string,
  overrides: Partial<Inspection> = {},
): Promise<Inspection> {
  const draft = await completeDraft(t, lead, coIds, enterpriseId, overrides);
  const res = await push(t.app, lead, [
    upsert('inspection', draft),
    upsert('inspection', { ...draft, status: 'submitted', finishedAt: FINISHED_AT }, 0),
  ]);
  expect(res.results.map((r) => [r.status, r.error])).toEqual([
    ['applied', undefined],
    ['applied', undefined],
  ]);
  return (await storedInspection(t, draft.id)).data;
}

/** A supervisor's decision on a stored inspection, as their device sends it. */
export async function decide(
  t: DemoApp,
  supervisor: Device,
  id: string,
  status: 'approved' | 'returned',
  comment = status === 'returned' ? '请补充现场照片' : '',
) {
  const { version, data } = await storedInspection(t, id);
  const review: Review = {
    status,
    comment,
    reviewerId: supervisor.userId,
    reviewedAt: FINISHED_AT,
  };
  return push(t.app, supervisor, [upsert('inspection', { ...data, review }, version)]);
}

/** A decision that the server took; answers the stored inspection. */
export async function decided(
  t: DemoApp,
  supervisor: Device,
  id: string,
  status: 'approved' | 'returned',
  comment?: string,
): Promise<Inspection> {
  const res = await decide(t, supervisor, id, status, comment);
  expect(res.results.map((r) => [r.status, r.error])).toEqual([['applied', undefined]]);
  return (await storedInspection(t, id)).data;
}

/**
 * Everything the server holds of these records: each row (version, data) and how many history
 * rows it has; a refusal must leave it exactly as it was. Ids the server does not hold are
 * absent.
 */
export async function snapshot(t: DemoApp, ids: readonly string[]) {
  return t.db.query<{
    entity: string;
    id: string;
    version: number;
    data: unknown;
    changes: number;
  }>(
    `SELECT r.entity, r.id::text AS id, r.version, r.data,
       (SELECT count(*)::int FROM history h WHERE h.entity = r.entity AND h.id = r.id) AS changes
     FROM records r WHERE r.id = ANY($1::uuid[]) ORDER BY r.entity, r.id`,
    [ids],
  );
}

/**
 * Pushes `mutations` as `device`, expects the last one refused with `code`, and the records named
 * by `ids` stored exactly as before (answers the refusal's English text).
 */
export async function expectRefused(
  t: DemoApp,
  device: Device,
  mutations: ReturnType<typeof upsert>[],
  code: string,
  ids: readonly string[],
): Promise<string> {
  const before = await snapshot(t, ids);
  const res = await push(t.app, device, mutations);
  const last = res.results.at(-1);
  expect(last, `${device.username}: ${code}`).toMatchObject({
    status: 'rejected',
    reason: { code },
  });
  expect(await snapshot(t, ids)).toEqual(before);
  return last?.error ?? '';
}
