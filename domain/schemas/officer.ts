// The officer list (执法检查人员名录库): what a user needs beyond the user record to be drawn as
// an inspecting officer (the certificate's expiry and leave), each entry as a draw reads it, and
// officers' declared conflicts with enterprises (回避).
import { z } from 'zod';
import { leavePeriodSchema } from './leave';
import { certificateNoSchema } from './user';
import { dateSchema, idSchema, nonEmpty, syncFields, timestampSchema } from './common';

export { leavePeriodSchema } from './leave';
export type { LeavePeriod } from './leave';

/**
 * The fields a user record carries for the officer list (optional in userSchema, as older user
 * records lack them). The certificate number is already `certificateNo` on the user.
 */
export const officerFields = {
  /** The last day the law-enforcement certificate is valid; null when not recorded. */
  certificateExpiresOn: dateSchema.nullable(),
  leave: z.array(leavePeriodSchema).max(100),
};
export const officerFieldsSchema = z.object(officerFields);
export type OfficerFields = z.infer<typeof officerFieldsSchema>;

/** One officer of the list as a draw reads it. */
export const officerEntrySchema = z.object({
  userId: idSchema,
  agencyId: idSchema,
  certificateNo: certificateNoSchema,
  certificateExpiresOn: dateSchema,
  /** Only the dates matter to a draw: a note on the leave is not part of the list. */
  leave: z
    .array(
      z
        .object({ from: dateSchema, to: dateSchema })
        .refine((p) => p.from <= p.to, { message: 'leave.endsBeforeStart', path: ['to'] }),
    )
    .max(100),
});
export type OfficerEntry = z.infer<typeof officerEntrySchema>;

/**
 * An officer's declaration that they must not inspect an enterprise (a relative works there, they
 * worked there, …). It is in force until withdrawn (deleted).
 */
export const conflictDeclarationSchema = z.object({
  ...syncFields,
  officerId: idSchema,
  enterpriseId: idSchema,
  reason: nonEmpty(500),
  /** Stamped by the server when the declaration reaches it. */
  declaredAt: timestampSchema,
});
export type ConflictDeclaration = z.infer<typeof conflictDeclarationSchema>;

/** A declared conflict as a draw reads it: the officer is never drawn for the enterprise. */
export const conflictPairSchema = z.object({ officerId: idSchema, enterpriseId: idSchema });
export type ConflictPair = z.infer<typeof conflictPairSchema>;

/** Why an officer could not be drawn for an enterprise. */
export const exclusionReasons = [
  'certificateExpires',
  'onLeave',
  'conflict',
  'sameAsPreviousDraw',
] as const;
export const exclusionReasonSchema = z.enum(exclusionReasons);
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>;
