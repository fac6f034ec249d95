import { describe, expect, it } from 'vitest';
import type { PendingRevocation } from '../../../../domain/platform/contract';
import { MAX_PENDING_REVOCATIONS } from '../../../../domain/platform/contract';
import { createWebPlatform } from '../../../../renderer/src/shared/platform/web-platform';
import { createRevocationQueue } from '../../../../renderer/src/sync/revocations';
import { fakeFetch, json } from '../support/fake-hq';

const HQ = 'https://hq.test';
const OTHER = 'https://other.test';
const pending = (n: number, serverUrl = HQ): PendingRevocation => ({
  serverUrl,
  token: `tok_${String(n).padStart(40, '0')}`,
});

function setup(answer: (token: string) => Response | Promise<Response>) {
  const api = createWebPlatform(window.localStorage, { origin: HQ });
  const hq = fakeFetch(({ headers }) =>
    answer((headers.get('authorization') ?? '').replace(/^Bearer /, '')),
  );
  return { api, hq, queue: createRevocationQueue(api, { fetch: hq.fetch }) };
}

describe('the queue of tokens to revoke', () => {
  it('revokes each kept token with a logout under that token, then forgets it', async () => {
    const { api, hq, queue } = setup(() => new Response(null, { status: 204 }));
    await queue.add(pending(1));
    await queue.add(pending(2));
    expect(await api.loadRevocations()).toEqual([pending(1), pending(2)]);
    expect(await queue.flush()).toBe(0);
    expect(hq.requests.map((r) => [r.method, r.url.href, r.headers.get('authorization')])).toEqual([
      ['POST', `${HQ}/api/v1/auth/logout`, `Bearer ${pending(1).token}`],
      ['POST', `${HQ}/api/v1/auth/logout`, `Bearer ${pending(2).token}`],
    ]);
    expect(await api.loadRevocations()).toEqual([]);
  });

  it('keeps a token while its server cannot be reached, is unavailable or asks to wait', async () => {
    const answers: Record<string, () => Response | Promise<Response>> = {
      [pending(1).token]: () => Promise.reject(new TypeError('Failed to fetch')),
      [pending(2).token]: () => json(503, { error: 'unavailable', message: 'later' }),
      [pending(3).token]: () => json(429, { error: 'too_many', message: 'wait' }),
      [pending(4).token]: () => json(401, { error: 'session_expired', message: 'over' }),
      [pending(5).token]: () => json(404, { error: 'not_found', message: 'no such route' }),
    };
    const { api, queue } = setup((token) => answers[token]!());
    for (const n of [1, 2, 3, 4, 5]) await queue.add(pending(n));
    expect(await queue.flush()).toBe(3);
    // A token the server calls dead already, or a server without that route, settles it.
    expect(await api.loadRevocations()).toEqual([pending(1), pending(2), pending(3)]);
  });

  it('revokes only the tokens of the server it is asked about', async () => {
    const { api, hq, queue } = setup(() => new Response(null, { status: 204 }));
    await queue.add(pending(1, OTHER));
    await queue.add(pending(2));
    expect(await queue.flush(HQ)).toBe(1);
    expect(hq.requests.map((r) => r.url.origin)).toEqual([HQ]);
    expect(await api.loadRevocations()).toEqual([pending(1, OTHER)]);
  });

  it('loses no token added while a flush is under way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { api, queue } = setup(async () => {
      await held;
      return new Response(null, { status: 204 });
    });
    await queue.add(pending(1));
    const flushing = queue.flush();
    const adding = queue.add(pending(2));
    release();
    await Promise.all([flushing, adding]);
    expect(await api.loadRevocations()).toEqual([pending(2)]);
  });

  it('keeps the latest tokens when more are added than it keeps, each once', async () => {
    const { api, queue } = setup(() => new Response(null, { status: 204 }));
    for (let n = 0; n < MAX_PENDING_REVOCATIONS + 2; n++) await queue.add(pending(n));
    await queue.add(pending(MAX_PENDING_REVOCATIONS + 1));
    const kept = await api.loadRevocations();
    expect(kept).toHaveLength(MAX_PENDING_REVOCATIONS);
    expect(kept[0]).toEqual(pending(2));
    expect(kept.at(-1)).toEqual(pending(MAX_PENDING_REVOCATIONS + 1));
  });
});
