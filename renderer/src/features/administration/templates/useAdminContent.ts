// The administration client of templates and enterprises for the signed-in administrator, and the
// state of a read from the server: these screens work online only and say so when they cannot.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useProfile } from '../../../session/session-context';
import { createAdminContentClient } from '../../../sync/admin-content-client';
import type { AdminContentClient } from '../../../sync/admin-content-client';
import { ApiError, isOffline } from '../../../sync/errors';

export function useAdminContent(): AdminContentClient {
  const { client } = useProfile();
  return useMemo(() => createAdminContentClient(client.http), [client]);
}

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'offline' }
  | { status: 'failed'; message: string };

export { isOffline };

/** The server's own message of a refusal, else the error's. */
export const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

export function failureOf(error: unknown): Remote<never> {
  return isOffline(error) ? { status: 'offline' } : { status: 'failed', message: messageOf(error) };
}

/** Reads `load` from the server on mount and on `reload()`. */
export function useRemote<T>(load: () => Promise<T>): { state: Remote<T>; reload: () => void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState(failureOf(error)),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
