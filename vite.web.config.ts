// Browser mode: the renderer built as an installable offline web app, served by the HQ server at
// `/`. The service worker precaches every built file, so a reload without network still opens.
// Its page carries the Content Security Policy in a meta tag (the server sends it as a header
// too): connect-src is 'self', the server that served the page. The desktop build has no meta
// tag: main sends its policy, which names the configured server, with every response.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './domain/transport/content-security-policy.ts';
import pkg from './package.json' with { type: 'json' };

const browserModePolicy: Plugin = {
  name: 'field-inspector-csp',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy([]) },
      injectTo: 'head-prepend',
    },
  ],
};

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  base: './',
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    browserModePolicy,
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by renderer/src/app/register-service-worker.ts, only when no preload exists.
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: '现场检查 Field Inspector',
        short_name: '现场检查',
        description: '安全生产与环境保护现场检查 · On-site safety and environmental inspection',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1677ff',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,ttf,webmanifest,json}'],
        navigateFallback: 'index.html',
        // The API is never served from the cache: sync must see the real server or fail.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
