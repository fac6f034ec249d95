// The GB 18218-2018 table every grading on screen uses: the latest edition this device pulled, or
// the shipped table while none is stored, kept live so that a newly pulled edition regrades what
// is shown. Undefined only while the local database is being read.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { gb18218TableOf, storedGb18218Tables } from '../../db/repositories/gb18218-editions';
import { useProfile } from '../../session/session-context';

export function useGb18218Table(): Gb18218Table | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => gb18218TableOf(db), [db]);
}

/**
 * Every edition this device pulled, oldest first: a record's kept grading names the edition it
 * was made with, which need not be the one in force now.
 */
export function useGb18218Editions(): readonly Gb18218Table[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => storedGb18218Tables(db), [db]);
}
