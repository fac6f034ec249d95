import { z } from 'zod';
import { dateSchema, idSchema, nonEmpty, syncFields, textSchema, townCodeSchema } from './common';

export const roles = ['inspector', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'username.invalid' });

/** Law-enforcement certificate number (执法证号). */
export const certificateNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{6,20}$/, { message: 'certificateNo.invalid' });

/** The public fields of a user: what every device may hold. Credentials never leave the server. */
export const userSchema = z
  .object({
    ...syncFields,
    username: usernameSchema,
    displayName: nonEmpty(50),
    role: roleSchema,
    agencyId: idSchema,
    jurisdiction: z.array(townCodeSchema).max(200),
    certificateNo: certificateNoSchema.nullable(),
    /** The last day the law-enforcement certificate is valid, if recorded. */
    certificateExpiresOn: dateSchema.nullable().optional(),
  })
  .refine((u) => u.role !== 'inspector' || u.certificateNo !== null, {
    message: 'certificateNo.requiredForInspector',
    path: ['certificateNo'],
  });
export type User = z.infer<typeof userSchema>;

export const passwordSchema = textSchema()
  .min(8, { message: 'password.tooShort' })
  .max(128, { message: 'password.tooLong' });
