// What the sign-in form accepts: the login request's own rules plus the server address.
import { z } from 'zod';
import { usernameSchema } from '../../../../domain/schemas/user';
import { loginRequestSchema } from '../../../../domain/sync/protocol';
import { settingsSchema } from '../../platform/contract';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const signInSchema = z.object({
  username: z.string().trim().min(1, { message: 'required' }).pipe(usernameSchema),
  password: loginRequestSchema.shape.password,
  serverUrl: z
    .string()
    .trim()
    .min(1, { message: 'required' })
    .refine(isHttpUrl, { message: 'serverUrl.invalid' })
    .pipe(settingsSchema.shape.serverUrl),
});
export type SignInInput = z.input<typeof signInSchema>;
export type SignInOutput = z.output<typeof signInSchema>;
