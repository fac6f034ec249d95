import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';

/** Days to the deadline as words; overdue ones in the danger colour. Closed hazards show none. */
export function DaysRemaining({ days, status }: { days: number; status: EffectiveStatus }) {
  const { t } = useTranslation();
  if (status === 'closed') return <Typography.Text type="secondary">—</Typography.Text>;
  if (days < 0) {
    return (
      <Typography.Text type="danger" strong>
        {t('deadlines.daysOverdue', { count: -days })}
      </Typography.Text>
    );
  }
  if (days === 0)
    return <Typography.Text type="warning">{t('deadlines.dueToday')}</Typography.Text>;
  return <Typography.Text>{t('deadlines.daysLeft', { count: days })}</Typography.Text>;
}
