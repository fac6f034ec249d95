// A checklist template as the device stores it, parsed by its schema so that every test's
// template is one the app could hold: a safety bureau's, published on 2026-11-01.
import { templateSchema } from '../../../../domain/schemas/template';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import { newId } from '../../../support/record-fixtures';

export function makeChecklistTemplate(
  content: Pick<ChecklistTemplate, 'title' | 'sections'>,
  more: { version?: number; createdBy?: string } = {},
): ChecklistTemplate {
  return templateSchema.parse({
    id: newId(),
    version: more.version ?? 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: more.createdBy ?? '0197a000-0000-7000-8000-000000000001',
    agencyKind: 'safety',
    ...content,
  });
}
