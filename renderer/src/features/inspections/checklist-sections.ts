// The checklist an inspection works through: the sections of every template it uses, in order,
// each item once (a joint inspection may find one item in two agencies' lists).
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate, TemplateItem } from '../../../../domain/schemas/template';

export interface ChecklistSection {
  key: string;
  templateTitle: string;
  title: string;
  items: TemplateItem[];
}

/** The ids of the templates an inspection uses, first one first. */
export function templateIdsOf(inspection: Inspection): string[] {
  return inspection.templateRefs?.map((r) => r.id) ?? [inspection.templateId];
}

export function checklistSections(templates: readonly ChecklistTemplate[]): ChecklistSection[] {
  const seen = new Set<string>();
  const sections: ChecklistSection[] = [];
  for (const template of templates) {
    template.sections.forEach((section, index) => {
      const items = section.items.filter((item) => !seen.has(item.id));
      for (const item of items) seen.add(item.id);
      if (items.length > 0) {
        sections.push({
          key: `${template.id}:${index}`,
          templateTitle: template.title,
          title: section.title,
          items,
        });
      }
    });
  }
  return sections;
}
