// Reads of checklist templates; they are published from HQ and arrive through synced-records.ts.
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { FieldInspectorDb } from '../database';

/** Every live template, by title. */
export async function listTemplates(db: FieldInspectorDb): Promise<ChecklistTemplate[]> {
  const all = await db.templates.toArray();
  return all
    .filter((t) => t.deletedAt === null)
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
}

/** The templates with these ids, in the order given; missing ones are left out. */
export async function getTemplates(
  db: FieldInspectorDb,
  ids: readonly string[],
): Promise<ChecklistTemplate[]> {
  const found = await db.templates.bulkGet([...ids]);
  return found.filter((t): t is ChecklistTemplate => t !== undefined);
}
