// What the first-password form accepts: the change-password request's own rules, the new
// password typed twice, and different from the one it replaces (the server checks that too).
import { z } from 'zod';
import { changePasswordRequestSchema } from '../../../../domain/sync/protocol';

export const changePasswordFormSchema = z
  .object({
    currentPassword: changePasswordRequestSchema.shape.currentPassword,
    newPassword: changePasswordRequestSchema.shape.newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'password.mismatch',
    path: ['confirmPassword'],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'password.sameAsOld',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.input<typeof changePasswordFormSchema>;
export type ChangePasswordOutput = z.output<typeof changePasswordFormSchema>;
