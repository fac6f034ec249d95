// Builds the desktop app: main process, sandboxed preload and renderer, all into out/.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle zod and the contract so that the packaged app needs no node_modules at runtime.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but 'electron': bundle everything.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // The package is "type": "module", and a sandboxed preload must be CommonJS.
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
        },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // Loaded from disk, but parsed on every start: a smaller bundle opens faster.
      minify: true,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
});
