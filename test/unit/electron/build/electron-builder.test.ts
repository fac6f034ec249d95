// Packaging cannot run without the Electron download, so the fuses are proven here, statically:
// build/electron-builder.yml is read and validated by electron-builder's own loader, the way
// `npm run package` reads it, and every fuse the installed @electron/fuses knows is decided.
import { resolve } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import type { Configuration, FuseOptionsV1 } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

/** What each fuse must be: off where it opens a door, on where it closes one. */
const required: Record<keyof typeof FuseV1Options, boolean> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.
  RunAsNode: false,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS would let the environment inject code or trust.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger into the main process.
  EnableNodeCliInspectArguments: false,
  // The app is the integrity-checked app.asar and nothing else.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The app serves itself over app://, never file://.
  GrantFileProtocolExtraPrivileges: false,
  EnableCookieEncryption: true,
  // Not needed: one snapshot for every process, as Electron ships it.
  LoadBrowserProcessSpecificV8Snapshot: false,
};

/** electron-builder's key for a fuse: RunAsNode → runAsNode. */
const configKey = (fuse: string) =>
  `${fuse.charAt(0).toLowerCase()}${fuse.slice(1)}` as keyof FuseOptionsV1;

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, 'build/electron-builder.yml', null);
});

describe('electron-builder configuration', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs the app into app.asar, as the asar fuses need', () => {
    expect(config.asar).toBe(true);
  });

  it.each(Object.entries(required))('sets the %s fuse to %s', (fuse, value) => {
    expect(config.electronFuses?.[configKey(fuse)]).toBe(value);
  });

  it('decides every fuse that @electron/fuses knows', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(known.sort()).toEqual(Object.keys(required).sort());
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(known.map(configKey).sort());
  });

  it('would refuse a misspelt fuse', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: true } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });
});
