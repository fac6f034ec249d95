import { Alert, Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCases } from './useCases';

/** The dashboard's penalty case counts: waiting for approval, open, with an overdue stage. */
export function CaseCounts() {
  const { t } = useTranslation();
  const { state } = useCases();
  return (
    <Card size="small" title={t('cases.dashboardTitle')}>
      {state.status === 'ready' ? (
        <Flex gap={32}>
          <Statistic title={t('cases.status.pending')} value={state.data.counts.pending} />
          <Statistic title={t('cases.status.open')} value={state.data.counts.open} />
          <Statistic
            title={t('cases.overdue')}
            value={state.data.counts.overdue}
            styles={{ content: state.data.counts.overdue > 0 ? { color: '#cf1322' } : {} }}
          />
        </Flex>
      ) : state.status === 'loading' ? null : (
        <Alert
          type="info"
          showIcon
          title={
            state.status === 'offline'
              ? t('cases.offline')
              : t('cases.failed', { message: state.message })
          }
        />
      )}
    </Card>
  );
}
