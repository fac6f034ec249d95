// Reads of checklist templates; they are published from HQ and arrive through synced-records.ts.
import { templatesInUse } from '../../../../domain/rules/template-versions';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { FieldInspectorDb } from '../database';

/**
 * The templates a new inspection may use, by title: the latest version of each checklist, unless
 * retired. Earlier versions stay on the device for the inspections that began with them.
 */
export async function listTemplates(db: FieldInspectorDb): Promise<ChecklistTemplate[]> {
  const all = await db.templates.toArray();
  return templatesInUse(all).sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
}

/** The templates with these ids, in the order given; missing ones are left out. */
export async function getTemplates(
  db: FieldInspectorDb,
  ids: readonly string[],
): Promise<ChecklistTemplate[]> {
  const found = await db.templates.bulkGet([...ids]);
  return found.filter((t): t is ChecklistTemplate => t !== undefined);
}
