import { useLiveQuery } from 'dexie-react-hooks';
import { workListFigures } from '../../../../domain/rules/statistics';
import type { WorkListFigures } from '../../../../domain/rules/statistics';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { useProfile } from '../../session/session-context';
import { listWorkListEnterprises } from '../../db/repositories/statistics';

/** The track work list on `today` over this device's enterprises (undefined while loading). */
export function useWorkList(today: string): WorkListFigures<Enterprise> | undefined {
  const { db } = useProfile();
  return useLiveQuery(
    async () => workListFigures(await listWorkListEnterprises(db), today),
    [db, today],
  );
}
