import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';

export interface BoardFilterOptions {
  agencies: { id: string; name: string }[];
  enterprises: { id: string; name: string }[];
}

/** The agencies and enterprises on this device, by name, for the board's filters. */
export function useBoardFilterOptions(): BoardFilterOptions | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [agencies, enterprises] = await Promise.all([
      db.agencies.toArray(),
      db.enterprises.orderBy('name').toArray(),
    ]);
    const live = <T extends { deletedAt: string | null }>(list: T[]) =>
      list.filter((r) => r.deletedAt === null);
    return {
      agencies: live(agencies)
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      enterprises: live(enterprises).map(({ id, name }) => ({ id, name })),
    };
  }, [db]);
}
