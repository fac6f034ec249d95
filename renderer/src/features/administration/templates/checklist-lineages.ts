// The administration list of checklist templates: the versions on the device grouped by the
// checklist they belong to, newest first, built-in ones marked read-only.
import { editionOf, lineageOf } from '../../../../../domain/rules/template-versions';
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';

export interface Checklist {
  lineageId: string;
  /** Every version, newest edition first. */
  versions: ChecklistTemplate[];
  latest: ChecklistTemplate;
  builtIn: boolean;
  status: 'published' | 'retired';
}

export function groupChecklists(templates: readonly ChecklistTemplate[]): Checklist[] {
  const byLineage = new Map<string, ChecklistTemplate[]>();
  for (const t of templates) {
    const versions = byLineage.get(lineageOf(t)) ?? [];
    versions.push(t);
    byLineage.set(lineageOf(t), versions);
  }
  const checklists: Checklist[] = [];
  for (const [lineageId, versions] of byLineage) {
    versions.sort((a, b) => editionOf(b) - editionOf(a));
    const latest = versions[0];
    if (!latest) continue;
    checklists.push({
      lineageId,
      versions,
      latest,
      builtIn: latest.builtIn === true,
      status: latest.status ?? 'published',
    });
  }
  // Built-in statutory checklists first, then the bureau's own by title.
  return checklists.sort(
    (a, b) =>
      Number(b.builtIn) - Number(a.builtIn) ||
      a.latest.title.localeCompare(b.latest.title, 'zh-CN'),
  );
}
