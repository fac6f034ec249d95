// What the list screens read: the server's target list and conflict declarations (online only,
// with loading, offline and failed states), and from this device the directory that names the
// ids they hold (users, enterprises, towns, agencies) and the officer list's rows.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { ConflictDeclaration } from '../../../../domain/schemas/officer';
import type { TargetListAnswer } from '../../../../domain/schemas/target-list-api';
import type { User } from '../../../../domain/schemas/user';
import { listAllAgencies } from '../../db/repositories/agencies';
import { listAllEnterprises } from '../../db/repositories/enterprises';
import { townsByCode } from '../../db/repositories/towns';
import { listUserDirectory } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';
import type { ServerLoad } from '../common/useServerLoad';
import { useServerLoad } from '../common/useServerLoad';
import type { ListsClient } from './lists-client';
import { createListsClient } from './lists-client';
import type { OfficerRow } from './officer-list-view';
import { officerRows } from './officer-list-view';

export function useListsClient(): ListsClient {
  const { client } = useProfile();
  return useMemo(() => createListsClient(client.http), [client]);
}

export function useTargetList(): { state: ServerLoad<TargetListAnswer>; reload: () => void } {
  const client = useListsClient();
  return useServerLoad(() => client.targetList(), 'target-list');
}

export function useConflictDeclarations(): {
  state: ServerLoad<ConflictDeclaration[]>;
  reload: () => void;
} {
  const client = useListsClient();
  return useServerLoad(() => client.conflicts(), 'officer-conflicts');
}

export interface Directory {
  user: (id: string) => string;
  enterprise: (id: string) => string;
  town: (code: string) => string;
  agency: (id: string) => string;
  users: User[];
  enterprises: { id: string; name: string }[];
}

/** Names of the ids the lists hold, from this device (an id not on it is shown as it is). */
export function useDirectory(lang: 'zh' | 'en'): Directory {
  const { db } = useProfile();
  const users = useLiveQuery(() => listUserDirectory(db), [db]);
  const enterprises = useLiveQuery(() => listAllEnterprises(db), [db]);
  const towns = useLiveQuery(() => townsByCode(db), [db]);
  const agencies = useLiveQuery(() => listAllAgencies(db), [db]);
  return useMemo(() => {
    const userNames = new Map((users ?? []).map((u) => [u.id, u.displayName]));
    const enterpriseNames = new Map((enterprises ?? []).map((e) => [e.id, e.name]));
    const agencyNames = new Map((agencies ?? []).map((a) => [a.id, a.name]));
    return {
      user: (id) => userNames.get(id) ?? id,
      enterprise: (id) => enterpriseNames.get(id) ?? id,
      town: (code) => {
        const town = towns?.get(code);
        return town ? (lang === 'en' && town.nameEn ? town.nameEn : town.name) : code;
      },
      agency: (id) => agencyNames.get(id) ?? id,
      users: (users ?? []).filter((u) => u.deletedAt === null),
      enterprises: (enterprises ?? [])
        .filter((e) => e.deletedAt === null)
        .map((e) => ({ id: e.id, name: e.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  }, [users, enterprises, towns, agencies, lang]);
}

/** The officer list of the agency (every agency when null) on this device; undefined while read. */
export function useOfficerRows(agencyId: string | null): OfficerRow[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(
    async () => officerRows(await listUserDirectory(db), agencyId, todayInChina(new Date())),
    [db, agencyId],
  );
}
