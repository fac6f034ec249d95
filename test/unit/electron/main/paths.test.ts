import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../../electron.vite.config';
import { buildLayout, PRELOAD_FILE_NAME } from '../../../../electron/main/paths';

const root = resolve(import.meta.dirname, '../../../..');

describe('buildLayout', () => {
  it('points at the preload and renderer that electron.vite.config.ts builds', () => {
    const mainDir = join(root, config.main?.build?.outDir ?? 'missing');
    const layout = buildLayout(mainDir);
    const preload = config.preload?.build;
    const output = preload?.rolldownOptions?.output;
    const input = preload?.rolldownOptions?.input;
    expect(output && !Array.isArray(output) ? output.format : undefined).toBe('cjs');
    expect(output && !Array.isArray(output) ? output.entryFileNames : undefined).toBe('[name].cjs');
    expect(
      input && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [],
    ).toEqual(['index']);
    expect(PRELOAD_FILE_NAME).toBe('index.cjs');
    expect(layout.preload).toBe(join(root, preload?.outDir ?? 'missing', 'index.cjs'));
    expect(layout.rendererDir).toBe(join(root, config.renderer?.build?.outDir ?? 'missing'));
    expect(layout.preload).toBe(join(root, 'out', 'preload', 'index.cjs'));
  });
});
