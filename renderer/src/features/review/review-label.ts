// How a reviewed inspection is named in accessible labels and messages: its enterprise and start.
import type { InspectionRow } from '../../db/repositories/inspections';
import { formatDateTime } from '../common/format-date';

export function reviewLabel(row: InspectionRow, language: string): string {
  return `${row.enterpriseName ?? ''} ${formatDateTime(row.inspection.startedAt, language)}`.trim();
}
