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

/** Every version of every checklist on this device, retired ones too (the administration list). */
export async function listAllTemplates(db: FieldInspectorDb): Promise<ChecklistTemplate[]> {
  const all = await db.templates.toArray();
  return all.filter((t) => t.deletedAt === null);
}

/**
 * Keeps a template the server answered an administrator's action with, so the list shows it at
 * once; the next pull brings the same version. An older answer never replaces a newer record.
 */
export async function keepAnsweredTemplate(
  db: FieldInspectorDb,
  template: ChecklistTemplate,
): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const stored = await db.templates.get(template.id);
    if (!stored || stored.version < template.version) await db.templates.put(template);
  });
}
