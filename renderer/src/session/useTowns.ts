import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { coversTown } from '../../../domain/rules/jurisdiction';
import type { TownRecord } from '../../../domain/schemas/town';
import { townLabel } from '../../../domain/schemas/town';
import { listTowns, townsByCode } from '../db/repositories/towns';
import { useProfile } from './session-context';

const NONE: readonly TownRecord[] = [];

/** The district's towns in force, as the server last sent them (empty while loading). */
export function useTowns(): readonly TownRecord[] {
  const { db } = useProfile();
  return useLiveQuery(() => listTowns(db), [db]) ?? NONE;
}

/**
 * Options for a town filter: the towns the user works in (every town for an administrator),
 * each code with its name in the reader's language. Records of other towns that reach the device
 * (an inspection the user took part in) are still listed under "all towns".
 */
export function useTownOptions(): { value: string; label: string }[] {
  const towns = useTowns();
  const { session } = useProfile();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return towns
    .filter((town) => coversTown(session.user, town.code))
    .map((town) => ({ value: town.code, label: townLabel(town, lang) }));
}

/**
 * A town's name by code in the reader's language; the code itself for a town the device does
 * not hold (yet).
 */
export function useTownName(): (code: string) => string {
  const { db } = useProfile();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const towns = useLiveQuery(() => townsByCode(db), [db]);
  return useCallback(
    (code: string) => {
      const town = towns?.get(code);
      return town ? townLabel(town, lang) : code;
    },
    [towns, lang],
  );
}
