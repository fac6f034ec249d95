// Table columns that every list of inspections shows the same way.
import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { InspectionRow } from '../../db/repositories/inspections';
import { formatDateTime } from '../common/format-date';

type Column = TableColumnType<InspectionRow>;

export function sharedInspectionColumns(
  t: TFunction,
  language: string,
): { enterprise: Column; kind: Column; startedAt: Column } {
  return {
    enterprise: {
      title: t('inspections.enterprise'),
      key: 'enterprise',
      render: (_, r) => r.enterpriseName ?? '—',
    },
    kind: {
      title: t('inspections.kind'),
      key: 'kind',
      render: (_, r) => t(`inspectionKind.${r.inspection.kind}`),
    },
    startedAt: {
      title: t('inspections.startedAt'),
      key: 'startedAt',
      render: (_, r) => formatDateTime(r.inspection.startedAt, language),
    },
  };
}
