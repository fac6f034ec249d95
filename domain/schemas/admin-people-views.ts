// The answers of the administration API for the directory, people and devices (/api/v1/admin/…):
// what the server sends back, so that the app parses every answer with the same schemas.
import { z } from 'zod';
import { auditTargetKindsList } from './admin-audit-kinds';
import { agencySchema } from './agency';
import { dateSchema, idSchema, timestampSchema } from './common';
import { districtSchema } from './district';
import { townSchema } from './town';
import { userSchema } from './user';

export const agencyListAnswerSchema = z.object({ agencies: z.array(agencySchema) });
export const agencyAnswerSchema = z.object({ agency: agencySchema });

export const townListAnswerSchema = z.object({
  /** Absent until first-run setup has named the district. */
  district: districtSchema.nullable(),
  towns: z.array(townSchema),
});
export const townAnswerSchema = z.object({ town: townSchema });

/** A user as administrators see them: the record and the state of the account. */
export const adminUserSchema = z.object({
  ...userSchema.shape,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** The certificate's last valid day is within the warning period, or past. */
  certificateExpiring: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListAnswerSchema = z.object({ users: z.array(adminUserSchema) });
export const userAnswerSchema = z.object({ user: userSchema });
export const userActiveAnswerSchema = z.object({ active: z.boolean() });
export const revokedSessionsAnswerSchema = z.object({
  revokedSessions: z.number().int().nonnegative(),
});

export const adminSessionSchema = z.object({
  /** The session's public id (not its token). */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: timestampSchema,
  lastSeenAt: timestampSchema,
  expiresAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
  live: z.boolean(),
});
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const adminDeviceSchema = z.object({
  deviceId: idSchema,
  name: z.string(),
  user: z
    .object({
      id: idSchema,
      username: z.string(),
      displayName: z.string(),
      certificateNo: z.string().nullable(),
      certificateExpiresOn: dateSchema.nullable(),
      certificateExpiring: z.boolean(),
    })
    .nullable(),
  createdAt: timestampSchema,
  lastSeenAt: timestampSchema.nullable(),
  lastSyncAt: timestampSchema.nullable(),
  /** The unsent changes the device last reported, and when; null if it never reported. */
  unsentCount: z.number().int().nonnegative().nullable(),
  unsentReportedAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  wipeOrderedAt: timestampSchema.nullable(),
  wipedAt: timestampSchema.nullable(),
  sessions: z.array(adminSessionSchema),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;
export const adminDeviceListAnswerSchema = z.object({ devices: z.array(adminDeviceSchema) });

export const auditEntryViewSchema = z.object({
  id: z.number().int(),
  at: timestampSchema,
  actorId: idSchema,
  action: z.string(),
  targetKind: z.enum(auditTargetKindsList),
  targetId: z.string().nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;
export const auditListAnswerSchema = z.object({ entries: z.array(auditEntryViewSchema) });
