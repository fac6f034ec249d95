// The hazards shown under a checklist item (or under "other hazards"): saved records and drafts.
import type { Finding } from '../../../../domain/schemas/finding';
import type { FindingDraftRow } from '../../db/database';

export interface FindingChip {
  id: string;
  title: string;
  itemId: string | null;
  draft: boolean;
}

export function findingChips(
  findings: readonly Finding[],
  drafts: readonly FindingDraftRow[],
): FindingChip[] {
  const draftIds = new Set(drafts.map((d) => d.id));
  const chips: FindingChip[] = findings
    .filter((f) => !draftIds.has(f.id))
    .map((f) => ({ id: f.id, title: f.title, itemId: f.itemId, draft: false }));
  for (const d of drafts) {
    const { title, itemId } = d.values;
    chips.push({
      id: d.id,
      title: typeof title === 'string' ? title : '',
      itemId: typeof itemId === 'string' ? itemId : null,
      draft: true,
    });
  }
  return chips;
}
