// A page of the document register as the server answers a search. The register is the server's
// (numbers are given there), so this reads it online only and says so when it cannot.
import { useEffect, useState } from 'react';
import type { RegisterListResponse } from '../../../../domain/sync/register-api';
import { useProfile } from '../../session/session-context';
import type { RegisterSearch } from '../../sync/api-client';
import { isOffline } from '../../sync/errors';

export type RegisterState =
  | { status: 'loading' }
  | { status: 'ready'; page: RegisterListResponse }
  | { status: 'offline' }
  | { status: 'failed'; message: string };

export function useRegisterSearch(search: RegisterSearch): RegisterState {
  const { client } = useProfile();
  const [state, setState] = useState<RegisterState>({ status: 'loading' });
  const key = JSON.stringify(search);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    client.listRegister(JSON.parse(key) as RegisterSearch).then(
      (page) => current && setState({ status: 'ready', page }),
      (error: unknown) => {
        if (!current) return;
        const offline = isOffline(error);
        setState(
          offline
            ? { status: 'offline' }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [client, key]);
  return state;
}
