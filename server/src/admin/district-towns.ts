// The one place administration reads the district's towns from (enterprise import, export and
// edits): the town records the server holds (set up by `admin init` or the administration API),
// so that any district is served, not only the demo's list in the code. Deleted towns are none.
import type { Queryable } from '../db/database';
import { listTowns } from '../district/district-store';

export interface TownLookup {
  /** The code of the town a cell names: by its Chinese name, English name or code. */
  codeOf: (text: string) => string | undefined;
  /** The Chinese name of a town by its code (the code itself when unknown). */
  nameOf: (code: string) => string;
  /** Whether the district has a town of this code. */
  has: (code: string) => boolean;
}

export async function districtTowns(db: Queryable): Promise<TownLookup> {
  const list = (await listTowns(db)).filter((t) => t.deletedAt === null);
  const byText = new Map<string, string>();
  for (const t of list) {
    byText.set(t.code, t.code);
    byText.set(t.name, t.code);
    if (t.nameEn) byText.set(t.nameEn.toLowerCase(), t.code);
  }
  const names = new Map(list.map((t) => [t.code, t.name]));
  return {
    codeOf: (text) => byText.get(text.trim()) ?? byText.get(text.trim().toLowerCase()),
    nameOf: (code) => names.get(code) ?? code,
    has: (code) => names.has(code),
  };
}
