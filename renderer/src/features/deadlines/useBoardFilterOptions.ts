import { useLiveQuery } from 'dexie-react-hooks';
import { listAllAgencies } from '../../db/repositories/agencies';
import { listEnterprises } from '../../db/repositories/enterprises';
import { useProfile } from '../../session/session-context';

export interface BoardFilterOptions {
  agencies: { id: string; name: string }[];
  enterprises: { id: string; name: string }[];
}

/** The agencies and enterprises on this device, by name, for the board's filters. */
export function useBoardFilterOptions(): BoardFilterOptions | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [agencies, enterprises] = await Promise.all([listAllAgencies(db), listEnterprises(db)]);
    return {
      agencies: agencies
        .filter((agency) => agency.deletedAt === null)
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      enterprises: enterprises.map(({ id, name }) => ({ id, name })),
    };
  }, [db]);
}
