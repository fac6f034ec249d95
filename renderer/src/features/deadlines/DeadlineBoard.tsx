import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { anyDeadlineBoardFilter } from '../../../../domain/rules/deadline-board';
import type { DeadlineBoardFilter } from '../../../../domain/rules/deadline-board';
import { useProfile } from '../../session/session-context';
import { ExportButton } from '../exports/ExportButton';
import { listDeadlineBoardRows } from './board-index';
import { DeadlineFilterBar } from './DeadlineFilterBar';
import { DeadlineStatusTabs } from './DeadlineStatusTabs';
import { DeadlineTable } from './DeadlineTable';
import { FindingDrawer } from './FindingDrawer';
import { useDeadlineBoard } from './useDeadlineBoard';

const PAGE_SIZE = 50;

/**
 * The deadline board: hazards by status with days remaining, overdue first, filtered by agency,
 * town, enterprise, grade and category. Only the page shown is read in full from the database.
 */
export function DeadlineBoard() {
  const { t } = useTranslation();
  const { db } = useProfile();
  const [filter, setFilter] = useState<DeadlineBoardFilter>(anyDeadlineBoardFilter);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const deferred = useDeferredValue(filter);
  const result = useDeadlineBoard(deferred, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const filtered = Object.values(filter).some((v) => v !== null);
  // The export takes every hazard under the board's current filters, in board order.
  const exportRows = useCallback(
    async () =>
      (await listDeadlineBoardRows(db, filter, todayInChina(new Date()))).map((r) => r.finding),
    [db, filter],
  );
  const change = (next: DeadlineBoardFilter) => {
    setFilter(next);
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('deadlines.title')}
        </Typography.Title>
        {result ? (
          <Typography.Text type="secondary" role="status">
            {t('deadlines.count', { count: result.total })}
          </Typography.Text>
        ) : null}
      </Flex>
      <DeadlineStatusTabs
        value={filter.status}
        counts={result?.counts}
        onChange={(status) => change({ ...filter, status })}
      />
      <Flex gap={16} align="start" wrap>
        <DeadlineFilterBar value={filter} onChange={change} />
        <ExportButton kind="hazards" rows={exportRows} disabled={result?.total === 0} />
      </Flex>
      {result === undefined ? (
        <Skeleton active aria-busy="true" />
      ) : result.total === 0 ? (
        <Empty description={filtered ? t('deadlines.noMatches') : t('deadlines.empty')} />
      ) : (
        <DeadlineTable
          rows={result.rows}
          onOpen={setOpenId}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.total,
            onChange: setPage,
          }}
        />
      )}
      <FindingDrawer findingId={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
