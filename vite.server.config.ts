// The HQ server built to one ES module (dist/server/main.js) that plain Node runs. Packages stay
// in node_modules (an SSR build leaves them external); only the project's own TypeScript is
// bundled. Running from this build rather than through tsx spares the server a loader thread and
// the compiler's memory: about 90 MB of its resident size.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./server/src/main.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist/server', import.meta.url)),
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
});
