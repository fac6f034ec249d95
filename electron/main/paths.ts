// Where the built main process (out/main) finds the files it loads. electron.vite.config.ts
// writes this layout; the shell-build test checks that the files are there.
import { join } from 'node:path';

export const PRELOAD_FILE_NAME = 'index.cjs';

export interface BuildLayout {
  /** The sandboxed preload script (CommonJS). */
  preload: string;
  /** The built renderer, served over app://. */
  rendererDir: string;
}

export function buildLayout(mainDir: string): BuildLayout {
  return {
    preload: join(mainDir, '..', 'preload', PRELOAD_FILE_NAME),
    rendererDir: join(mainDir, '..', 'renderer'),
  };
}
