// The versions of checklist templates: which version of each checklist is offered for a new
// inspection (the latest published one of its lineage; none once retired), and what changed
// between two versions. Shared by the server (administration) and the app (starting inspections).
import type { ChecklistTemplate, TemplateItem } from '../schemas/template';

export const lineageOf = (t: Pick<ChecklistTemplate, 'id' | 'lineageId'>) => t.lineageId ?? t.id;
export const editionOf = (t: Pick<ChecklistTemplate, 'edition'>) => t.edition ?? 1;

/** The latest version of each lineage, whatever its status. */
export function latestVersions<T extends ChecklistTemplate>(templates: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const t of templates) {
    if (t.deletedAt !== null) continue;
    const seen = latest.get(lineageOf(t));
    if (!seen || editionOf(t) > editionOf(seen)) latest.set(lineageOf(t), t);
  }
  return [...latest.values()];
}

/**
 * The templates a new inspection may use: the latest version of each checklist, unless retired.
 * Earlier versions stay on the device for the inspections that began with them.
 */
export function templatesInUse<T extends ChecklistTemplate>(templates: readonly T[]): T[] {
  return latestVersions(templates).filter((t) => (t.status ?? 'published') === 'published');
}

type ItemField = 'text' | 'legalBasis' | 'majorCriterion' | 'defectText';
const ITEM_FIELDS: readonly ItemField[] = ['text', 'legalBasis', 'majorCriterion', 'defectText'];

export interface ItemChange {
  itemId: string;
  /** Each changed field, before and after (null: it had none). */
  fields: Partial<
    Record<ItemField, { before: string | number | null; after: string | number | null }>
  >;
  /** Set when the item moved to another section: the sections' titles. */
  moved?: { from: string; to: string };
}

export interface TemplateDiff {
  title?: { before: string; after: string };
  agencyKind?: { before: string; after: string };
  sectionsAdded: string[];
  sectionsRemoved: string[];
  itemsAdded: { section: string; item: TemplateItem }[];
  itemsRemoved: { section: string; item: TemplateItem }[];
  itemsChanged: ItemChange[];
  /** Nothing differs. */
  same: boolean;
}

type Content = Pick<ChecklistTemplate, 'title' | 'agencyKind' | 'sections'>;

function itemsOf(t: Content): Map<string, { section: string; item: TemplateItem }> {
  const items = new Map<string, { section: string; item: TemplateItem }>();
  for (const section of t.sections) {
    for (const item of section.items) items.set(item.id, { section: section.title, item });
  }
  return items;
}

/**
 * What changed from `before` to `after`. Items are matched by id, which stays the same across a
 * checklist's versions; sections by title.
 */
export function diffTemplates(before: Content, after: Content): TemplateDiff {
  const a = itemsOf(before);
  const b = itemsOf(after);
  const titlesA = new Set(before.sections.map((s) => s.title));
  const titlesB = new Set(after.sections.map((s) => s.title));
  const itemsChanged: ItemChange[] = [];
  for (const [id, now] of b) {
    const was = a.get(id);
    if (!was) continue;
    const fields: ItemChange['fields'] = {};
    for (const f of ITEM_FIELDS) {
      const x = was.item[f] ?? null;
      const y = now.item[f] ?? null;
      if (x !== y) fields[f] = { before: x, after: y };
    }
    const moved = was.section !== now.section ? { from: was.section, to: now.section } : undefined;
    if (Object.keys(fields).length > 0 || moved) {
      itemsChanged.push({ itemId: id, fields, ...(moved ? { moved } : {}) });
    }
  }
  const diff: TemplateDiff = {
    ...(before.title !== after.title
      ? { title: { before: before.title, after: after.title } }
      : {}),
    ...(before.agencyKind !== after.agencyKind
      ? { agencyKind: { before: before.agencyKind, after: after.agencyKind } }
      : {}),
    sectionsAdded: [...titlesB].filter((t) => !titlesA.has(t)),
    sectionsRemoved: [...titlesA].filter((t) => !titlesB.has(t)),
    itemsAdded: [...b].filter(([id]) => !a.has(id)).map(([, v]) => v),
    itemsRemoved: [...a].filter(([id]) => !b.has(id)).map(([, v]) => v),
    itemsChanged,
    same: false,
  };
  diff.same =
    !diff.title &&
    !diff.agencyKind &&
    diff.sectionsAdded.length + diff.sectionsRemoved.length === 0 &&
    diff.itemsAdded.length + diff.itemsRemoved.length + itemsChanged.length === 0;
  return diff;
}

/**
 * What keeps a template's content from being published: an item id used twice (results and
 * hazards name items by id) or two sections of one title (versions are compared by title).
 */
export function templateContentProblems(
  content: Pick<ChecklistTemplate, 'sections'>,
): { code: 'duplicateItemId' | 'duplicateSection'; value: string }[] {
  const problems: { code: 'duplicateItemId' | 'duplicateSection'; value: string }[] = [];
  const ids = new Set<string>();
  const titles = new Set<string>();
  for (const section of content.sections) {
    if (titles.has(section.title))
      problems.push({ code: 'duplicateSection', value: section.title });
    titles.add(section.title);
    for (const item of section.items) {
      if (ids.has(item.id)) problems.push({ code: 'duplicateItemId', value: item.id });
      ids.add(item.id);
    }
  }
  return problems;
}
