import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Options for a town filter: each town's code with its name in the reader's language. */
export function useTownOptions(): { value: string; label: string }[] {
  const towns = useTowns();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return towns.map((town) => ({ value: town.code, label: townLabel(town, lang) }));
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
