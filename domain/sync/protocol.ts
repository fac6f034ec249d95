// The HTTP sync protocol under /api/v1: request and answer bodies, parsed on both ends.
import { z } from 'zod';
import { agencySchema } from '../schemas/agency';
import {
  blobRefSchema,
  idSchema,
  nonEmpty,
  sha256Schema,
  textSchema,
  timestampSchema,
} from '../schemas/common';
import { entityNameSchema } from '../schemas/entities';
import { passwordSchema, userSchema, usernameSchema } from '../schemas/user';
import { refusalSchema } from './refusals';

export const API_PREFIX = '/api/v1';

/** Bumped when the shape of synced records changes; sent with every push. */
export const SCHEMA_VERSION = 1;

export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: textSchema().min(1, { message: 'required' }).max(128, { message: 'password.tooLong' }),
  deviceName: nonEmpty(100),
  /** The device id a previous sign-in gave: the device keeps its mutation numbering (lastMid). */
  deviceId: idSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string().min(32),
  deviceId: idSchema,
  user: userSchema,
  /**
   * The password is a first one an administrator gave (or reset): until it is changed through
   * POST /auth/change-password, every other request of this session is refused with 403
   * `password_change_required`.
   */
  passwordChangeRequired: z.boolean().optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({
  user: userSchema,
  agency: agencySchema,
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** How many local changes a device still holds unsent, as it reports them (administrators see it). */
export const unsentCountSchema = z.coerce.number().int().min(0).max(10_000_000);

export const pullQuerySchema = z.strictObject({
  cursor: textSchema().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** The device's unsent changes (its outbox) as it pulls. */
  unsent: unsentCountSchema.optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const changeSchema = z.object({
  entity: entityNameSchema,
  id: idSchema,
  version: z.number().int().positive(),
  /** The record, or null when it left the caller's scope or was purged. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * True only on the first page of a pull that started over because the cursor was made for
   * another epoch or scope (the user's towns or role changed): the pages up to the last one
   * resend everything the user sees, and what they do not resend is no longer the user's to hold.
   */
  reset: z.boolean().optional(),
  /**
   * An administrator ordered this device wiped: it pushes what it still holds, then calls
   * POST /sync/wipe-done, deletes its local data and signs out.
   */
  wipe: z.boolean().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A mutation's record as sent: a JSON object, parsed whole by its entity's schema when the server
 * applies it. Only its being an object is checked here: a record schema would copy every field of
 * every record in a batch, only for the entity schema to check and copy them again.
 */
const mutationDataSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'Invalid input: expected an object' },
);

export const mutationSchema = z.strictObject({
  mid: z.number().int().positive(),
  entity: entityNameSchema,
  id: idSchema,
  op: z.enum(['upsert', 'delete']),
  data: mutationDataSchema.nullable(),
  baseVersion: z.number().int().nonnegative(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  deviceId: idSchema,
  schemaVersion: z.number().int().positive(),
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
  /** The device's unsent changes, this batch included, as it sends it. */
  unsent: unsentCountSchema.optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  mid: z.number().int().positive(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  version: z.number().int().positive().optional(),
  error: z.string().optional(),
  /** With a refusal: the reason as a code the app translates (`error` says it in English). */
  reason: refusalSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastMid: z.number().int().nonnegative(),
  /** As in the pull's answer: an administrator ordered this device wiped. */
  wipe: z.boolean().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const blobsMissingRequestSchema = z.strictObject({
  hashes: z.array(sha256Schema).max(1000),
});
export const blobsMissingResponseSchema = z.object({ missing: z.array(sha256Schema) });

/**
 * POST /blobs/batch: several blobs in one request. The body (Content-Type BLOB_BATCH_MIME) is a
 * 4-byte big-endian length, that many bytes of UTF-8 JSON (blobBatchHeaderSchema), then each
 * blob's bytes back to back in the header's order. Each blob is verified against its name: one
 * whose bytes do not match is refused by name and the others are still stored.
 */
export const BLOB_BATCH_MIME = 'application/vnd.field-inspector.blob-batch';
export const MAX_BLOB_BATCH_COUNT = 64;
export const MAX_BLOB_BATCH_BYTES = 8 * 1024 * 1024;
export const MAX_BLOB_BATCH_HEADER_BYTES = 16 * 1024;

export const blobBatchHeaderSchema = z
  .strictObject({
    blobs: z
      .array(
        z.strictObject({
          sha256: sha256Schema,
          mime: blobRefSchema.shape.mime,
          size: z.number().int().positive().max(MAX_BLOB_BATCH_BYTES),
        }),
      )
      .min(1)
      .max(MAX_BLOB_BATCH_COUNT),
  })
  .refine((h) => new Set(h.blobs.map((b) => b.sha256)).size === h.blobs.length, {
    message: 'each blob may appear once',
    path: ['blobs'],
  })
  .refine((h) => h.blobs.reduce((sum, b) => sum + b.size, 0) <= MAX_BLOB_BATCH_BYTES, {
    message: `the blobs may hold at most ${MAX_BLOB_BATCH_BYTES} bytes together`,
    path: ['blobs'],
  });
export type BlobBatchHeader = z.infer<typeof blobBatchHeaderSchema>;

export const blobBatchResultSchema = z.object({
  sha256: sha256Schema,
  /**
   * `created` (new from this caller, whoever else sent the same bytes), `exists` (this caller
   * sent them before), or `refused` (see `error`; nothing kept).
   */
  status: z.enum(['created', 'exists', 'refused']),
  error: z.string().optional(),
});
export type BlobBatchResult = z.infer<typeof blobBatchResultSchema>;
export const blobBatchResponseSchema = z.object({ results: z.array(blobBatchResultSchema) });

/** POST /sync/wipe-done: the device has sent what it held and now deletes its data. */
export const wipeDoneRequestSchema = z.strictObject({ deviceId: idSchema });

/** POST /auth/change-password (also with a session whose first password must be changed). */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: textSchema().min(1, { message: 'required' }).max(128),
  newPassword: passwordSchema,
});

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  schemaVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** GET /conflicts?status=&limit= (supervisors and admins): the conflicts log, newest first. */
export const conflictStatusSchema = z.enum(['open', 'resolved', 'all']);
export const conflictResolutionSchema = z.enum(['kept', 'losing']);
export type ConflictResolution = z.infer<typeof conflictResolutionSchema>;

export const conflictViewSchema = z.object({
  id: idSchema,
  entity: entityNameSchema,
  recordId: idSchema,
  town: z.string().nullable(),
  field: z.string(),
  /** The value the record holds since the conflict; `losingValue` the one it overwrote. */
  keptValue: z.unknown(),
  losingValue: z.unknown(),
  keptUserId: idSchema,
  keptDeviceId: idSchema.nullable(),
  losingUserId: idSchema.nullable(),
  losingDeviceId: idSchema.nullable(),
  version: z.number().int().nonnegative(),
  at: timestampSchema,
  resolvedAt: timestampSchema.nullable(),
  resolvedBy: idSchema.nullable(),
  resolution: conflictResolutionSchema.nullable(),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;
export const conflictListResponseSchema = z.object({ conflicts: z.array(conflictViewSchema) });

/** POST /conflicts/:id/resolve: the same choice sent again is answered as the first time. */
export const resolveConflictRequestSchema = z.strictObject({ keep: conflictResolutionSchema });
export const resolveConflictResponseSchema = z.object({ conflict: conflictViewSchema });

/** Every 4xx/5xx answer: a stable code for programs and a readable message for people. */
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With `mid_gap` (409): the device's last mutation id the server holds. */
  lastMid: z.number().int().nonnegative().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export { passwordSchema };
