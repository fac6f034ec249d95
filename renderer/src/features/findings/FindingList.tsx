import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveExportButton } from '../exports/ArchiveExportButton';
import { ExportButton } from '../exports/ExportButton';
import { useFindingExportSource } from '../exports/useFindingExportSource';
import { noFindingFilters } from './finding-filters';
import type { FindingFilters } from './finding-filters';
import { FindingFilterBar } from './FindingFilterBar';
import { FindingTable } from './FindingTable';
import { useFindingsQuery } from './useFindingsQuery';

const PAGE_SIZE = 50;

/**
 * The hazard list: filters, the count of matches and one page of rows. Only the page shown is
 * read from the database, so the list stays quick with a hundred thousand hazards.
 */
export function FindingList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<FindingFilters>(noFindingFilters);
  const [page, setPage] = useState(1);
  const deferred = useDeferredValue(filters);
  const result = useFindingsQuery(deferred, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const filtered =
    filters.status !== null ||
    filters.grade !== null ||
    filters.town !== null ||
    filters.text !== '';
  const exportSource = useFindingExportSource(deferred);
  const changeFilters = (next: FindingFilters) => {
    setFilters(next);
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('findings.title')}
        </Typography.Title>
        {result ? (
          <Typography.Text type="secondary" role="status">
            {t('findings.count', { count: result.total })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex gap={16} align="start" wrap>
        <FindingFilterBar value={filters} onChange={changeFilters} />
        <ExportButton kind="hazards" rows={exportSource} disabled={result?.total === 0} />
        <ArchiveExportButton rows={exportSource} disabled={result?.total === 0} />
      </Flex>
      {result === undefined ? (
        <Skeleton active aria-busy="true" />
      ) : result.total === 0 ? (
        <Empty description={filtered ? t('findings.noMatches') : t('findings.empty')} />
      ) : (
        <FindingTable
          rows={result.rows}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.total,
            onChange: setPage,
          }}
        />
      )}
    </Flex>
  );
}
