// A stand-in for the HQ server's HTTP answers, as a fetch function: enough of /api/v1 for the
// renderer's client, with every request recorded.
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Change } from '../../../../domain/sync/protocol';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function fakeFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const json = headers.get('content-type') === 'application/json';
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers,
      body:
        typeof init.body === 'string'
          ? JSON.parse(init.body)
          : json && init.body instanceof Blob
            ? JSON.parse(await init.body.text())
            : undefined,
    };
    requests.push(request);
    return handler(request);
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

/** Serves `pages` of changes one after another; the cursor is the index of the next page. */
export function pagedPull(pages: Change[][]): Handler {
  return ({ url }) => {
    const index = Number(url.searchParams.get('cursor') ?? '0');
    const changes = pages[index] ?? [];
    return json(200, {
      changes,
      cursor: String(index + 1),
      hasMore: index + 1 < pages.length,
    });
  };
}

/** A pull's only page: `enterprise` at `version`. */
export function enterprisePull(enterprise: Enterprise, version = 1): Response {
  return json(200, {
    changes: [{ entity: 'enterprise', id: enterprise.id, version, data: enterprise }],
    cursor: 'c1',
    hasMore: false,
  });
}

/** A server out of reach: every request fails as fetch fails with the network down. */
export function unreachable(): never {
  throw new TypeError('Failed to fetch');
}
