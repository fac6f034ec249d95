// A fetch for the renderer's API client answered by a Fastify app through inject, so that the
// real client code talks to the real server without a socket.
import type { FastifyInstance } from 'fastify';

/** Answers one request with `app` (the app is asked for anew each time: tests restart it). */
export async function injectRequest(
  app: FastifyInstance,
  url: URL,
  init: RequestInit = {},
): Promise<Response> {
  let payload: string | Buffer | undefined;
  if (typeof init.body === 'string') payload = init.body;
  else if (init.body instanceof Blob) payload = Buffer.from(await init.body.arrayBuffer());
  const res = await app.inject({
    method: (init.method ?? 'GET') as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(new Headers(init.headers)),
    ...(payload === undefined ? {} : { payload }),
  });
  const empty = res.statusCode === 204 || res.statusCode === 304;
  return new Response(empty ? null : new Uint8Array(res.rawPayload), {
    status: res.statusCode,
    headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
  });
}

/** fetch over `app`; `before` runs first and may fail the request (a lost connection). */
export function injectFetch(
  app: () => FastifyInstance,
  before?: (url: URL) => void | Promise<void>,
): typeof fetch {
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    await before?.(url);
    return injectRequest(app(), url, init);
  }) as typeof fetch;
}
