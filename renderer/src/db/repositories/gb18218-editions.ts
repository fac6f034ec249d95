// Owns reading the GB 18218-2018 table this device grades with: the latest edition the server
// published and the device pulled (table `gb18218Editions`, written only by the pull), or the
// shipped table while none is stored. Every grading on the device reads its table here.
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { FieldInspectorDb } from '../database';

/** The table in force on this device. */
export async function gb18218TableOf(db: FieldInspectorDb): Promise<Gb18218Table> {
  const latest = await db.gb18218Editions.orderBy('revision').last();
  return latest?.table ?? defaultGb18218Table;
}

/** Every edition stored on this device, oldest first (the shipped table is not among them). */
export async function storedGb18218Tables(db: FieldInspectorDb): Promise<Gb18218Table[]> {
  return (await db.gb18218Editions.orderBy('revision').toArray()).map((e) => e.table);
}
