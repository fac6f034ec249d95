// Saves the target list's rows on screen (as filtered) as an Excel workbook.
import { useTranslation } from 'react-i18next';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';
import { SheetExportButton } from '../exports/SheetExportButton';
import { TARGET_LIST_TITLE, targetListSheet } from './target-list-sheet';
import type { Directory } from './useLists';

interface Props {
  rows: readonly TargetRow[];
  asOf: string;
  names: Directory;
}

export function TargetExportButton({ rows, asOf, names }: Props) {
  const { t } = useTranslation();
  return (
    <SheetExportButton
      sheet={() => targetListSheet(rows, names)}
      fileName={`${TARGET_LIST_TITLE}-${asOf}.xlsx`}
      label={t('lists.target.export')}
      disabled={rows.length === 0}
    />
  );
}
