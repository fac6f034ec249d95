// The cases the signed-in user may see, as the server answers them, with a way to read them
// again after a change. Online only: the screen says so when the server cannot be reached.
import { useMemo } from 'react';
import type { CaseListResponse } from '../../../../domain/sync/cases-api';
import { useProfile } from '../../session/session-context';
import { useServerLoad } from '../common/useServerLoad';
import type { ServerLoad } from '../common/useServerLoad';
import type { CasesClient } from './cases-client';
import { createCasesClient } from './cases-client';

export type CasesState = ServerLoad<CaseListResponse>;

export function useCasesClient(): CasesClient {
  const { client } = useProfile();
  return useMemo(() => createCasesClient(client.http), [client]);
}

export function useCases(): { state: CasesState; reload: () => void } {
  const cases = useCasesClient();
  return useServerLoad(() => cases.list(), 'cases');
}
