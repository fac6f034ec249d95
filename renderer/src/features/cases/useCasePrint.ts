// What a printed case document needs: the case, read from the server (cases are held there), and
// the name of its agency, which issues the document, from this device's directory (undefined
// while it is being read, so that the page is not printed without it).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { getAgency } from '../../db/repositories/agencies';
import { useProfile } from '../../session/session-context';
import { useServerLoad } from '../common/useServerLoad';
import type { ServerLoad } from '../common/useServerLoad';
import { useCasesClient } from './useCases';

export function useCasePrint(id: string): {
  state: ServerLoad<PenaltyCase>;
  issuer: string | undefined;
} {
  const { db } = useProfile();
  const client = useCasesClient();
  const { state } = useServerLoad(() => client.get(id), id);
  const agencyId = state.status === 'ready' ? state.data.agencyId : '';
  const issuer = useLiveQuery(
    async () => (await getAgency(db, agencyId))?.name ?? '',
    [db, agencyId],
  );
  return { state, issuer };
}
