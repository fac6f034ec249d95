import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  getTemplates,
  keepAnsweredTemplate,
  listAllTemplates,
  listTemplates,
} from '../../../../../renderer/src/db/repositories/templates';
import { newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

function template(
  title: string,
  text: string,
  extra: Partial<ChecklistTemplate> = {},
): ChecklistTemplate {
  return {
    id: newId(),
    version: 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: newId(),
    agencyKind: 'safety',
    title,
    sections: [{ title: '一般要求', items: [{ id: 'a-1', text, legalBasis: '《安全生产法》' }] }],
    ...extra,
  };
}

describe('template reads', () => {
  it('offer the latest published version of each checklist, and keep earlier versions readable', async () => {
    const v1 = template('本局检查表', '第一版条目', { edition: 1, status: 'published' });
    const v2 = template('本局检查表', '第二版条目', { lineageId: v1.id, edition: 2 });
    const retired = template('旧检查表', '条目', { status: 'retired' });
    const legacy = template('甲检查表', '条目');
    await db.templates.bulkPut([v2, v1, retired, legacy]);
    expect((await listTemplates(db)).map((t) => t.id)).toEqual([v2.id, legacy.id]);
    // An inspection begun with version 1 still finds its checklist as it was.
    const [kept] = await getTemplates(db, [v1.id]);
    expect(kept?.sections[0]?.items[0]?.text).toBe('第一版条目');
  });
});

describe('templates the administration screens keep', () => {
  it('lists every version, retired ones too, but not removed ones', async () => {
    const v1 = template('本局检查表', '项目一', { edition: 1, status: 'retired' });
    const gone = template('已删除', '项目', { deletedAt: '2026-11-02T08:00:00.000+08:00' });
    await db.templates.bulkPut([v1, gone]);
    expect((await listAllTemplates(db)).map((t) => t.id)).toEqual([v1.id]);
  });

  it('keeps a template the server answered with, never over a newer one', async () => {
    const stored = template('本局检查表', '项目一', { version: 5, status: 'retired' });
    await db.templates.put(stored);
    await keepAnsweredTemplate(db, { ...stored, version: 4, status: 'published' });
    expect((await db.templates.get(stored.id))?.status).toBe('retired');
    await keepAnsweredTemplate(db, { ...stored, version: 6, status: 'published' });
    expect((await db.templates.get(stored.id))?.version).toBe(6);
  });
});
