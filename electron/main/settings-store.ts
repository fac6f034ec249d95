// Owns the desktop settings file (settings.json in userData): read, validated with the
// contract's settingsSchema, falling back to defaults when missing or damaged. A change is saved
// through the contract's applySettingsPatch, which holds a new server address to the transport
// rule.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Settings, SettingsPatch } from '../../domain/platform/contract';
import { applySettingsPatch, settingsSchema } from '../../domain/platform/contract';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export function defaultSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const fromEnv = settingsSchema.shape.serverUrl.safeParse(env.FI_SERVER_URL);
  return {
    serverUrl: fromEnv.success ? fromEnv.data : DEFAULT_SERVER_URL,
    language: 'system',
    // Never from the environment: plain http to another computer is the user's own decision.
    allowInsecureHttp: false,
  };
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /**
   * Merges, validates and saves; throws (saving nothing) when the result is invalid, e.g. a
   * plain-http server on another computer while insecure connections are not allowed.
   */
  set(patch: SettingsPatch): Promise<Settings>;
}

/** Replace the file in one step so that a crash never leaves half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data, { mode: 0o600 });
  await rename(temporary, path);
}

export function createSettingsStore(
  filePath: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SettingsStore {
  const defaults = defaultSettings(env);
  let cached: Settings | null = null;

  async function load(): Promise<Settings> {
    try {
      const stored: unknown = JSON.parse(await readFile(filePath, 'utf8'));
      const merged = { ...defaults, ...(typeof stored === 'object' ? stored : {}) };
      const parsed = settingsSchema.safeParse(merged);
      return parsed.success ? parsed.data : defaults;
    } catch {
      return defaults;
    }
  }

  async function get(): Promise<Settings> {
    cached ??= await load();
    return cached;
  }

  async function set(patch: SettingsPatch): Promise<Settings> {
    const next = applySettingsPatch(await get(), patch);
    await writeFileAtomic(filePath, `${JSON.stringify(next, null, 2)}\n`);
    cached = next;
    return next;
  }

  return { get, set };
}
