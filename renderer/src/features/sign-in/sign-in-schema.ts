// What the sign-in form accepts: the login request's own rules. The server is the one saved in
// Settings (changed with the server address form, held to the transport rule there).
import { z } from 'zod';
import { usernameSchema } from '../../../../domain/schemas/user';
import { loginRequestSchema } from '../../../../domain/sync/protocol';

export const signInSchema = z.object({
  username: z.string().trim().min(1, { message: 'required' }).pipe(usernameSchema),
  password: loginRequestSchema.shape.password,
});
export type SignInInput = z.input<typeof signInSchema>;
export type SignInOutput = z.output<typeof signInSchema>;
