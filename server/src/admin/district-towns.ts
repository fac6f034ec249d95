// The one place administration reads the district's towns from (enterprise import, export and
// edits). Today the towns are the demo district's list in the code; when towns become synced
// records, only this function changes.
import { towns } from '../../../domain/data/towns';
import type { Town } from '../../../domain/data/towns';
import type { Queryable } from '../db/database';

export interface TownLookup {
  /** The code of the town a cell names: by its Chinese name, English name or code. */
  codeOf: (text: string) => string | undefined;
  /** The Chinese name of a town by its code (the code itself when unknown). */
  nameOf: (code: string) => string;
  /** Whether the district has a town of this code. */
  has: (code: string) => boolean;
}

export async function districtTowns(_db: Queryable): Promise<TownLookup> {
  const list: readonly Town[] = await Promise.resolve(towns);
  const byText = new Map<string, string>();
  for (const t of list) {
    byText.set(t.code, t.code);
    byText.set(t.nameZh, t.code);
    byText.set(t.nameEn.toLowerCase(), t.code);
  }
  const names = new Map(list.map((t) => [t.code, t.nameZh]));
  return {
    codeOf: (text) => byText.get(text.trim()) ?? byText.get(text.trim().toLowerCase()),
    nameOf: (code) => names.get(code) ?? code,
    has: (code) => names.has(code),
  };
}
