// What the server address form accepts: a full http(s) address and the permission for plain
// http to another computer, held together to the transport rule (the same one main, the web
// platform and the API client apply).
import { z } from 'zod';
import { checkServerAddress } from '../../../../domain/transport/server-address';
import { settingsSchema } from '../../../../domain/platform/contract';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const serverAddressSchema = z
  .object({
    serverUrl: z
      .string()
      .trim()
      .min(1, { message: 'required' })
      .refine(isHttpUrl, { message: 'serverUrl.invalid' })
      .pipe(settingsSchema.shape.serverUrl),
    allowInsecureHttp: z.boolean(),
  })
  .superRefine((value, ctx) => {
    const check = checkServerAddress(value.serverUrl, value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', path: ['serverUrl'], message: `serverUrl.${check.problem}` });
    }
  });
export type ServerAddressInput = z.input<typeof serverAddressSchema>;
export type ServerAddressOutput = z.output<typeof serverAddressSchema>;
