// How a progress count reads in a table cell: done of all, and the share done.
import type { ProgressCounts } from '../../../../domain/rules/plan-progress';
import { percentDone } from '../../../../domain/rules/plan-progress';

/** '3 / 4 (75%)'; '—' when nothing was due. */
export function completionText(counts: ProgressCounts | undefined): string {
  if (!counts || counts.total === 0) return '—';
  return `${counts.done} / ${counts.total} (${percentDone(counts)}%)`;
}
