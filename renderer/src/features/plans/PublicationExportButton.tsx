// Saves a draw's published results as an Excel workbook.
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../domain/schemas/publication';
import { SheetExportButton } from '../exports/SheetExportButton';
import { publicationFileName, publicationSheet } from './publication-sheet';

export function PublicationExportButton({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  return (
    <SheetExportButton
      sheet={() => publicationSheet(publication)}
      fileName={publicationFileName(publication, 'xlsx')}
      label={t('exports.button')}
    />
  );
}
