// The cases the signed-in user may see, as the server answers them, with a way to read them
// again after a change. Online only: the screen says so when the server cannot be reached.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseListResponse } from '../../../../domain/sync/cases-api';
import { useProfile } from '../../session/session-context';
import { NetworkError, ServerAddressError } from '../../sync/errors';
import type { CasesClient } from './cases-client';
import { createCasesClient } from './cases-client';

export type CasesState =
  | { status: 'loading' }
  | { status: 'ready'; list: CaseListResponse }
  | { status: 'offline' }
  | { status: 'failed'; message: string };

export const isOffline = (error: unknown) =>
  error instanceof NetworkError || error instanceof ServerAddressError;

export function useCasesClient(): CasesClient {
  const { client } = useProfile();
  return useMemo(() => createCasesClient(client.http), [client]);
}

export function useCases(): { state: CasesState; reload: () => void } {
  const cases = useCasesClient();
  const [state, setState] = useState<CasesState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    cases.list().then(
      (list) => current && setState({ status: 'ready', list }),
      (error: unknown) => {
        if (!current) return;
        setState(
          isOffline(error)
            ? { status: 'offline' }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [cases, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { state, reload };
}
