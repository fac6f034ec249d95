import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { useProfile } from '../../app/session-context';
import { listEnterprises } from '../../db/repositories/enterprises';
import { filterEnterprises } from './enterprise-search';

export interface EnterpriseMatches {
  /** undefined while the local database is being read. */
  matches: Enterprise[] | undefined;
  total: number;
}

/** The enterprises on this device that match the query, kept live as sync changes them. */
export function useEnterprises(query: string): EnterpriseMatches {
  const { db } = useProfile();
  const all = useLiveQuery(() => listEnterprises(db), [db]);
  const matches = useMemo(() => (all ? filterEnterprises(all, query) : undefined), [all, query]);
  return { matches, total: all?.length ?? 0 };
}
