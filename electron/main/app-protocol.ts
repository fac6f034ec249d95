// Serves the built renderer over the privileged app:// scheme, so the window has a real origin
// (unlike file://) and can read nothing outside the renderer folder. Every answer carries the
// Content Security Policy of the moment, so that a page loaded after a settings change gets the
// policy of the new settings.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready: Chromium learns the scheme's privileges at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // secure: crypto.subtle (blob hashes) needs a secure context; standard: a real origin.
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * A protocol.handle handler answering app://bundle/<path> with the file under rootDir.
 * Any path that resolves outside rootDir (../, encoded ..%2f, backslashes) is refused.
 */
export function createAppProtocolHandler(
  rootDir: string,
  contentSecurityPolicy: () => string,
): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  const answer = async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed');
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad request');
    }
    if (path.includes('\0')) return plain(400, 'Bad request');
    if (path === '/' || path === '') path = '/index.html';
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep)) return plain(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'content-type': type, 'x-content-type-options': 'nosniff' },
    });
  };
  return async (request) => {
    const response = await answer(request);
    response.headers.set('content-security-policy', contentSecurityPolicy());
    return response;
  };
}

/** After app ready: answer app:// from the built renderer folder, with the given policy. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  contentSecurityPolicy: () => string,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, contentSecurityPolicy));
}
