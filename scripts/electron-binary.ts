// Where the Electron binary is, and fetching it when missing. `npm ci` runs no install scripts
// (see .npmrc), and since Electron 42 the package has none anyway: it downloads itself on first
// use with its install.js (the `install-electron` bin), which is what runs here.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = () => dirname(require.resolve('electron/package.json'));

export function electronBinaryPath(): string | null {
  const pathFile = join(electronDir(), 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir(), 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export type FetchResult = { ok: true; binary: string } | { ok: false; reason: string };

export function fetchElectron(): FetchResult {
  const present = electronBinaryPath();
  if (present) return { ok: true, binary: present };
  const installer = join(electronDir(), 'install.js');
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 300_000 });
  const binary = electronBinaryPath();
  if (result.status === 0 && binary) return { ok: true, binary };
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  // @electron/get 5 downloads with fetch, whose network failures all read "fetch failed".
  const unreachable =
    result.error !== undefined ||
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/.test(output);
  const firstError = output.split('\n').find((line) => /error/i.test(line));
  return {
    ok: false,
    reason: unreachable
      ? 'its download host cannot be reached'
      : `the download failed (${firstError?.trim() ?? `exit code ${result.status}`})`,
  };
}
