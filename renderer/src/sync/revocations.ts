// Owns the tokens of sign-outs the server has not yet heard of. Signing out offline cannot
// revoke the session, so its token is kept (by the platform, as securely as a session) and
// revoked with the next request this device can make to that server: at app start, when the
// network comes back, or at the next sign-in. Then it is forgotten.
import type { PendingRevocation, PlatformApi } from '../../../domain/platform/contract';
import { MAX_PENDING_REVOCATIONS } from '../../../domain/platform/contract';
import { createApiClient } from './api-client';
import { ApiError } from './errors';

export interface RevocationQueue {
  /** Keeps `revocation` until its server has revoked it. */
  add(revocation: PendingRevocation): Promise<void>;
  /**
   * Revokes what is kept (only for `serverUrl`, if given); forgets each token its server has
   * answered for, keeps the others. Resolves with how many are still kept; never rejects for a
   * server that cannot be reached.
   */
  flush(serverUrl?: string): Promise<number>;
}

/** Whether the server's answer settles the token: revoked, already dead, or not its own. */
function settled(error: unknown): boolean {
  // 401: the token had expired or was revoked already. Another 4xx is a definite refusal that
  // asking again would not change; 408 and 429 say "later", as a 5xx or no answer does.
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

export function createRevocationQueue(
  api: Pick<PlatformApi, 'loadRevocations' | 'storeRevocations'>,
  options: {
    fetch?: typeof fetch;
    /** The Settings switch for plain http to another computer (see api-client.ts). */
    allowInsecureHttp?: () => boolean;
  } = {},
): RevocationQueue {
  // One change at a time, so that a flush and a sign-out never overwrite each other's list.
  let chain: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  }

  async function revoke({ serverUrl, token }: PendingRevocation): Promise<boolean> {
    const client = createApiClient({
      serverUrl,
      token,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.allowInsecureHttp ? { allowInsecureHttp: options.allowInsecureHttp } : {}),
    });
    try {
      await client.logout();
      return true;
    } catch (error) {
      return settled(error);
    }
  }

  return {
    add(revocation) {
      return serially(async () => {
        const kept = (await api.loadRevocations()).filter((r) => r.token !== revocation.token);
        await api.storeRevocations([...kept, revocation].slice(-MAX_PENDING_REVOCATIONS));
      });
    },
    flush(serverUrl) {
      return serially(async () => {
        const all = await api.loadRevocations();
        const kept: PendingRevocation[] = [];
        for (const revocation of all) {
          const due = serverUrl === undefined || revocation.serverUrl === serverUrl;
          if (!due || !(await revoke(revocation))) kept.push(revocation);
        }
        if (kept.length !== all.length) await api.storeRevocations(kept);
        return kept.length;
      });
    },
  };
}
