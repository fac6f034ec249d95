// The bench-only Vite build: one page that loads either the app's real modules or PouchDB as the
// anchor (bench.html?page=fi or ?page=pouch), built into a temporary directory, never into
// dist/. Node's `events` module, which pouchdb-browser imports, is replaced by a small browser
// implementation.
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
      // A client CPU profile is read by function name: keep the names then.
      minify: !process.env.FI_BENCH_CLIENT_PROFILE,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 5000,
      rollupOptions: {
        input: { bench: `${pagesDir}/bench.html` },
      },
    },
  };
}
