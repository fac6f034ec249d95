import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListState } from '../common/ListState';
import { InspectionTable } from './InspectionTable';
import { useInspections } from './useInspections';

export function InspectionList() {
  const { t } = useTranslation();
  const rows = useInspections();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('inspections.title')}
      </Typography.Title>
      <ListState rows={rows} empty={t('inspections.empty')}>
        {(list) => <InspectionTable rows={list} />}
      </ListState>
    </Flex>
  );
}
