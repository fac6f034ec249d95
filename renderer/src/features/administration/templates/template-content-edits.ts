// The edits an administrator makes to a draft's content, each a new content value: sections and
// items added, changed, moved and removed. New items get ids unused in the checklist, since
// results and hazards name items by id across versions.
import { templateContentProblems } from '../../../../../domain/rules/template-versions';
import type { TemplateContent, TemplateItem } from '../../../../../domain/schemas/template';
import { templateContentSchema } from '../../../../../domain/schemas/template';

type Section = TemplateContent['sections'][number];

const replaceAt = <T>(list: readonly T[], index: number, value: T) =>
  list.map((x, i) => (i === index ? value : x));

const moveIn = <T>(list: readonly T[], index: number, by: -1 | 1): T[] => {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
};

/** An item id not yet used in the content. */
export function newItemId(content: TemplateContent): string {
  const used = new Set(content.sections.flatMap((s) => s.items.map((i) => i.id)));
  let n = used.size + 1;
  while (used.has(`item-${n}`)) n += 1;
  return `item-${n}`;
}

const blankItem = (content: TemplateContent): TemplateItem => ({
  id: newItemId(content),
  text: '',
  legalBasis: '',
});

export const edits = {
  addSection(content: TemplateContent, title: string): TemplateContent {
    const section: Section = { title, items: [blankItem(content)] };
    return { ...content, sections: [...content.sections, section] };
  },
  setSectionTitle(content: TemplateContent, s: number, title: string): TemplateContent {
    const section = content.sections[s];
    if (!section) return content;
    return { ...content, sections: replaceAt(content.sections, s, { ...section, title }) };
  },
  moveSection: (content: TemplateContent, s: number, by: -1 | 1): TemplateContent => ({
    ...content,
    sections: moveIn(content.sections, s, by),
  }),
  removeSection: (content: TemplateContent, s: number): TemplateContent => ({
    ...content,
    sections: content.sections.filter((_, i) => i !== s),
  }),
  addItem(content: TemplateContent, s: number): TemplateContent {
    const section = content.sections[s];
    if (!section) return content;
    const items = [...section.items, blankItem(content)];
    return { ...content, sections: replaceAt(content.sections, s, { ...section, items }) };
  },
  setItem(content: TemplateContent, s: number, i: number, item: TemplateItem): TemplateContent {
    const section = content.sections[s];
    if (!section) return content;
    const items = replaceAt(section.items, i, item);
    return { ...content, sections: replaceAt(content.sections, s, { ...section, items }) };
  },
  moveItem(content: TemplateContent, s: number, i: number, by: -1 | 1): TemplateContent {
    const section = content.sections[s];
    if (!section) return content;
    const items = moveIn(section.items, i, by);
    return { ...content, sections: replaceAt(content.sections, s, { ...section, items }) };
  },
  removeItem(content: TemplateContent, s: number, i: number): TemplateContent {
    const section = content.sections[s];
    if (!section) return content;
    const items = section.items.filter((_, j) => j !== i);
    return { ...content, sections: replaceAt(content.sections, s, { ...section, items }) };
  },
};

/** A problem that keeps the content from being saved: where it is and its message key. */
export interface ContentProblem {
  path: string;
  code: string;
  /** The item id or section title a duplicate problem names. */
  value?: string;
}

/** What the server would refuse in the content (the schema and the publication rules). */
export function contentProblems(content: TemplateContent): ContentProblem[] {
  const parsed = templateContentSchema.safeParse(content);
  const problems: ContentProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === 'number' ? String(p + 1) : String(p))).join('.'),
        code: issue.message,
      }));
  for (const p of templateContentProblems(content)) {
    problems.push({ path: '', code: p.code, value: p.value });
  }
  return problems;
}
