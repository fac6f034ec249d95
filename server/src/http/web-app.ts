// Serves the built renderer (browser mode) at `/`. The entry page and the service worker must be
// revalidated on every load so that a new release is picked up; files under assets/ carry a
// content hash in their names and are cached for a year. Every answer carries the renderer's
// Content Security Policy, whose connect-src is this server only ('self').
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../../../domain/transport/content-security-policy';

const BROWSER_MODE_CSP = contentSecurityPolicy([]);

const IMMUTABLE = 'public, max-age=31536000, immutable';

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Field Inspector</title></head>
<body><h1>Field Inspector HQ server</h1>
<p>The web app has not been built yet. Run <code>npm run build:web</code>, then reload this page.</p>
<p>The API is available under <code>/api/v1</code>.</p></body></html>
`;

export async function installWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', BROWSER_MODE_CSP)
        .send(missingBuildPage),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    cacheControl: false,
    // @fastify/static 9 (the last that runs on Node 20) hands over the raw response.
    setHeaders(response, path) {
      const relative = path.slice(webRoot.length).replaceAll('\\', '/');
      response.setHeader('Cache-Control', /^\/?assets\//.test(relative) ? IMMUTABLE : 'no-cache');
      response.setHeader('Content-Security-Policy', BROWSER_MODE_CSP);
    },
  });
}
