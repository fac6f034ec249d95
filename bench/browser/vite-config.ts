// The bench-only Vite build: two pages (the app's real modules, and PouchDB as the anchor) built
// into a temporary directory, never into dist/. Node's `events` module, which pouchdb-browser
// imports, is replaced by a small browser implementation.
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const pagesDir = fileURLToPath(new URL('../pages', import.meta.url));

export function benchViteConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: pagesDir,
    base: './',
    logLevel: 'warn',
    resolve: { alias: { events: `${pagesDir}/events-shim.tsx` } },
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify('bench') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 5000,
      rollupOptions: {
        input: { fi: `${pagesDir}/fi.html`, pouch: `${pagesDir}/pouch.html` },
      },
    },
  };
}
