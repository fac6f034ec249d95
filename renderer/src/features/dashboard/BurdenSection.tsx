import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BurdenReport, EnterpriseBurden } from '../../../../domain/rules/statistics';
import { Figure } from '../common/Figure';
import { formatAverage, formatCount } from '../common/format-figure';
import { BurdenAlert } from './BurdenAlert';
import { ChartFrame } from './ChartFrame';
import { figureColumn } from './figure-cell';

interface Props {
  burden: BurdenReport;
  enterpriseName: (id: string) => string;
}

/** Visits by all agencies to each enterprise in the last twelve months, with the warning. */
export function BurdenSection({ burden, enterpriseName }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.burdenTitle')} size="small">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t('dashboard.burdenWindow', { from: burden.from, to: burden.to })}
        </Typography.Text>
        <BurdenAlert burden={burden} enterpriseName={enterpriseName} />
        <Flex wrap gap={24}>
          <Figure
            label={t('dashboard.meanVisits')}
            value={formatAverage(burden.mean)}
            testId="burden-mean"
          />
          <Figure
            label={t('dashboard.visitThreshold')}
            value={formatAverage(burden.visitThreshold)}
            testId="burden-threshold"
          />
        </Flex>
        <ChartFrame
          label={t('dashboard.burdenTitle')}
          data={burden.enterprises.map((e) => ({
            name: enterpriseName(e.enterpriseId),
            visits: e.visits,
          }))}
          xKey="name"
          series={[{ key: 'visits', label: t('dashboard.visits') }]}
        />
        <Table<EnterpriseBurden>
          aria-label={t('dashboard.burdenTitle')}
          size="small"
          rowKey="enterpriseId"
          pagination={false}
          dataSource={burden.enterprises}
          scroll={{ x: true }}
          columns={[
            {
              title: t('dashboard.enterprise'),
              key: 'name',
              render: (_, r) => (
                <Link to={`/enterprises/${r.enterpriseId}`}>{enterpriseName(r.enterpriseId)}</Link>
              ),
            },
            figureColumn<EnterpriseBurden>(
              'visits',
              t('dashboard.visits'),
              (r) => formatCount(r.visits),
              (r) => `burden-${r.enterpriseId}-visits`,
            ),
            figureColumn<EnterpriseBurden>(
              'agencies',
              t('dashboard.agencies'),
              (r) => formatCount(r.agencies),
              (r) => `burden-${r.enterpriseId}-agencies`,
            ),
            {
              title: t('dashboard.warning'),
              key: 'warning',
              render: (_, r) =>
                r.overInspected ? (
                  <Flex vertical gap={4} data-testid={`burden-${r.enterpriseId}-warning`}>
                    <span>
                      {r.reasons.map((reason) => (
                        <Tag key={reason} color="orange">
                          {t(reason)}
                        </Tag>
                      ))}
                    </span>
                    {r.separateVisitMonths.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t('burden.months', { months: r.separateVisitMonths.join(', ') })}
                      </Typography.Text>
                    ) : null}
                    {r.suggestion ? <Typography.Text>{t(r.suggestion)}</Typography.Text> : null}
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
