import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListState } from '../common/ListState';
import { FindingTable } from './FindingTable';
import { useFindings } from './useFindings';

export function FindingList() {
  const { t } = useTranslation();
  const rows = useFindings();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('findings.title')}
      </Typography.Title>
      <ListState rows={rows} empty={t('findings.empty')}>
        {(list) => <FindingTable rows={list} />}
      </ListState>
    </Flex>
  );
}
