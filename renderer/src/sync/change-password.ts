// The signed-in user's own password change (POST /auth/change-password): the one request a
// session whose first password must be changed may make, and how it is lifted.
import type { z } from 'zod';
import { changePasswordRequestSchema } from '../../../domain/sync/protocol';
import type { HttpCore } from './http-core';
import { jsonBody } from './http-core';

export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

export async function changePassword(http: HttpCore, body: ChangePasswordRequest): Promise<void> {
  const parsed = changePasswordRequestSchema.parse(body);
  await http.request('/auth/change-password', { method: 'POST', body: jsonBody(parsed) });
}
