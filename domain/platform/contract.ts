// The one contract between the renderer and its platform (Electron preload or the browser).
// Each channel `domain:verb` has a zod schema for its argument; main validates with it, the
// preload exposes one method per channel, and the web implementation satisfies the same type.
// This module must stay free of DOM, Node and Electron imports: all three sides load it (it lives
// in domain/ so that electron/ reaches it without reaching into the renderer).
import { z } from 'zod';
import { idSchema } from '../schemas/common';
import { userSchema } from '../schemas/user';
import { checkServerAddress } from '../transport/server-address';
import { methodChannels } from './method-channels';

export const languageSchema = z.enum(['system', 'zh-CN', 'en']);
export type LanguageSetting = z.infer<typeof languageSchema>;

export const settingsSchema = z.object({
  /** Base URL of the HQ server, e.g. http://127.0.0.1:8787 (no trailing slash). */
  serverUrl: z
    .string()
    .url()
    .regex(/^https?:\/\//i, { message: 'serverUrl.scheme' })
    .transform((s) => s.replace(/\/+$/, '')),
  language: languageSchema,
  /**
   * Plain http to a server other than this computer: refused unless the user turns this on in
   * Settings, after a warning (domain/transport/server-address.ts).
   */
  allowInsecureHttp: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();

/** Settings whose server address passes the transport rule with their own permission. */
const savableSettingsSchema = settingsSchema.superRefine((settings, ctx) => {
  const check = checkServerAddress(settings.serverUrl, settings);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', path: ['serverUrl'], message: `serverUrl.${check.problem}` });
  }
});

/**
 * The settings a change leads to; throws (saving nothing) when the result is invalid, or when
 * it saves a server address that the transport rule refuses. Both platforms store through it.
 * Only a change of address is held to the rule: stored settings are read with settingsSchema
 * alone, so an address that has become forbidden (its permission turned off) is kept, shown
 * in Settings and refused where it would be used, and the language can still be changed.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const given = Object.fromEntries(
    Object.entries(settingsPatchSchema.parse(patch)).filter(([, value]) => value !== undefined),
  );
  const schema = 'serverUrl' in given ? savableSettingsSchema : settingsSchema;
  return schema.parse({ ...current, ...given });
}
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A signed-in session, remembered so that the app opens offline later. */
export const sessionSchema = z.object({
  token: z.string().min(32).max(200),
  deviceId: idSchema,
  serverUrl: z.string().url(),
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * The token of a sign-out the server has not heard of yet (made offline): kept, as securely as a
 * session, until the server it came from has revoked it.
 */
export const pendingRevocationSchema = z.object({
  serverUrl: sessionSchema.shape.serverUrl,
  token: sessionSchema.shape.token,
});
export type PendingRevocation = z.infer<typeof pendingRevocationSchema>;
/** More sign-outs than this without reaching a server are not kept: those tokens expire anyway. */
export const MAX_PENDING_REVOCATIONS = 20;
export const pendingRevocationsSchema = z
  .array(pendingRevocationSchema)
  .max(MAX_PENDING_REVOCATIONS);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop app, 'web' in browser mode. */
  shell: z.enum(['electron', 'web']),
  platform: z.string(),
  locale: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|]+$/, { message: 'fileName.invalid' });

export const saveFileArgsSchema = z.object({
  defaultName: fileNameSchema,
  filters: z
    .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().max(10)).max(10) }))
    .max(10),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 200 * 1024 * 1024, {
    message: 'file.tooLarge',
  }),
});
export type SaveFileArgs = z.infer<typeof saveFileArgsSchema>;

export const printToPdfArgsSchema = z.object({
  defaultName: fileNameSchema,
  landscape: z.boolean().default(false),
});
export type PrintToPdfArgs = z.input<typeof printToPdfArgsSchema>;

export const saveResultSchema = z.object({
  saved: z.boolean(),
  /** Where the file went, when the platform knows (desktop). */
  path: z.string().nullable(),
});
export type SaveResult = z.infer<typeof saveResultSchema>;

const none = z.tuple([]);

/** Every channel: its argument schema (a tuple) and what it answers. */
export const channels = {
  'app:info': { args: none, result: appInfoSchema },
  'settings:get': { args: none, result: settingsSchema },
  'settings:set': { args: z.tuple([settingsPatchSchema]), result: settingsSchema },
  'session:load': { args: none, result: sessionSchema.nullable() },
  'session:store': { args: z.tuple([sessionSchema]), result: z.void() },
  'session:clear': { args: none, result: z.void() },
  'revocations:load': { args: none, result: pendingRevocationsSchema },
  'revocations:store': { args: z.tuple([pendingRevocationsSchema]), result: z.void() },
  'file:save': { args: z.tuple([saveFileArgsSchema]), result: saveResultSchema },
  'pdf:print': { args: z.tuple([printToPdfArgsSchema]), result: saveResultSchema },
} as const;
export type Channel = keyof typeof channels;

/** What `window.api` offers: one method per channel. */
export interface PlatformApi {
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  loadSession(): Promise<Session | null>;
  storeSession(session: Session): Promise<void>;
  clearSession(): Promise<void>;
  loadRevocations(): Promise<PendingRevocation[]>;
  /** Replaces the list; an empty list forgets every token. */
  storeRevocations(revocations: PendingRevocation[]): Promise<void>;
  saveFile(args: SaveFileArgs): Promise<SaveResult>;
  printToPdf(args: PrintToPdfArgs): Promise<SaveResult>;
}

// Each method invokes exactly its own channel (the table lives apart so the preload stays small).
methodChannels satisfies Record<keyof PlatformApi, Channel>;
export { methodChannels };
