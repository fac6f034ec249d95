import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';

const COLOURS: Record<EffectiveStatus, string> = {
  overdue: 'error',
  open: 'processing',
  rectified: 'warning',
  closed: 'success',
};

export function StatusTag({ status }: { status: EffectiveStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`findingStatus.${status}`)}</Tag>;
}

/** 挂牌督办: a major hazard not yet closed. */
export function ListedTag() {
  const { t } = useTranslation();
  return <Tag color="volcano">{t('deadlines.listed')}</Tag>;
}
