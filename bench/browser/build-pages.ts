// Builds the bench pages with Vite into a temporary directory (removed when the run ends).
import { build } from 'vite';
import { tempDir } from '../support/cleanup';
import { benchViteConfig } from './vite-config';

export async function buildBenchPages(): Promise<string> {
  const outDir = await tempDir('pages');
  await build(benchViteConfig(outDir));
  return outDir;
}
