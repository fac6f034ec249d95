// Request bodies and queries of the administration API (/api/v1/admin/…): the record schemas'
// fields, strict so that a misspelt field is named rather than ignored.
import { z } from 'zod';
import { auditTargetKindsList } from './admin-audit-kinds';
import {
  dateSchema,
  idSchema,
  nonEmpty,
  textSchema,
  timestampSchema,
  townCodeSchema,
} from './common';
import { agencyFieldsSchema } from './district';
import { townFieldsSchema } from './town';
import { leavePeriodSchema } from './leave';
import { certificateNoSchema, passwordSchema, roleSchema, usernameSchema } from './user';

export const agencyCreateSchema = agencyFieldsSchema.strict();
export const agencyEditSchema = agencyFieldsSchema.partial().strict();

export const townCreateSchema = townFieldsSchema.strict();
/** A town's code never changes: users and enterprises name the town by it. */
export const townEditSchema = townFieldsSchema.omit({ code: true }).partial().strict();

const userEditable = {
  displayName: nonEmpty(50),
  role: roleSchema,
  agencyId: idSchema,
  jurisdiction: z.array(townCodeSchema).max(200),
  certificateNo: certificateNoSchema.nullable(),
  certificateExpiresOn: dateSchema.nullable(),
  /** The officer's leave periods (the officer list: no one on leave is drawn). */
  leave: z.array(leavePeriodSchema).max(100),
};

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  ...userEditable,
  certificateNo: userEditable.certificateNo.optional(),
  certificateExpiresOn: userEditable.certificateExpiresOn.optional(),
  leave: userEditable.leave.optional(),
  /** The first password: the user must change it at their first sign-in. */
  password: passwordSchema,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userEditSchema = z.strictObject(userEditable).partial();
export type UserEdit = z.infer<typeof userEditSchema>;

export const passwordResetSchema = z.strictObject({ password: passwordSchema });

export const userListQuerySchema = z.strictObject({
  /** Part of the username, the name or the certificate number. */
  search: textSchema().trim().max(100).optional(),
  role: roleSchema.optional(),
  agencyId: idSchema.optional(),
  town: townCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const auditQuerySchema = z.strictObject({
  actorId: idSchema.optional(),
  targetKind: z.enum(auditTargetKindsList).optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** A certificate is flagged this many days before its last valid day. */
export const CERTIFICATE_WARNING_DAYS = 30;
