import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReturned } from '../../../../domain/rules/review';
import { ListState } from '../common/ListState';
import { ExportButton } from '../exports/ExportButton';
import { ReturnedFilter } from '../submission/ReturnedFilter';
import type { InspectionShow } from '../submission/ReturnedFilter';
import { InspectionTable } from './InspectionTable';
import { useInspections } from './useInspections';

export function InspectionList() {
  const { t } = useTranslation();
  const rows = useInspections();
  const [show, setShow] = useState<InspectionShow>('all');
  const returned = rows?.filter((r) => isReturned(r.inspection));
  const shown = show === 'returned' ? returned : rows;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('inspections.title')}
      </Typography.Title>
      {rows && rows.length > 0 ? (
        <Flex gap={16} align="center" wrap>
          <ReturnedFilter value={show} returnedCount={returned?.length ?? 0} onChange={setShow} />
          <ExportButton
            kind="inspections"
            rows={(shown ?? []).map((r) => r.inspection)}
            disabled={!shown?.length}
          />
        </Flex>
      ) : null}
      <ListState
        rows={shown}
        empty={show === 'returned' ? t('returned.none') : t('inspections.empty')}
      >
        {(list) => <InspectionTable rows={list} />}
      </ListState>
    </Flex>
  );
}
