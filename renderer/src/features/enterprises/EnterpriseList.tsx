import { Empty, Flex, Input, Skeleton, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noFilters } from './enterprise-filters';
import type { EnterpriseFilters } from './enterprise-filters';
import { EnterpriseFilterBar } from './EnterpriseFilterBar';
import { EnterpriseTable } from './EnterpriseTable';
import { useEnterprises } from './useEnterprises';

export function EnterpriseList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<EnterpriseFilters>(noFilters);
  const { matches, total } = useEnterprises(useDeferredValue(query), useDeferredValue(filters));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('enterprises.title')}
      </Typography.Title>
      <Flex gap={16} align="center" wrap>
        <Input.Search
          allowClear
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('enterprises.search')}
          aria-label={t('enterprises.search')}
          style={{ maxWidth: 420 }}
        />
        {matches ? (
          <Typography.Text type="secondary" role="status">
            {t('enterprises.count', { count: matches.length })}
          </Typography.Text>
        ) : null}
      </Flex>
      <EnterpriseFilterBar value={filters} onChange={setFilters} />
      {matches === undefined ? (
        <Skeleton active aria-busy="true" />
      ) : total === 0 ? (
        <Empty description={t('enterprises.empty')} />
      ) : (
        <EnterpriseTable rows={matches} />
      )}
    </Flex>
  );
}
