import { Card, Col, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationRow } from '../../../../domain/rules/statistics';
import { Figure } from '../common/Figure';
import { formatCount, formatRate } from '../common/format-figure';
import { ScrollRegion } from '../common/ScrollRegion';
import { ChartFrame } from './ChartFrame';
import { figureColumn } from './figure-cell';

/** The figures of a rectification row, in the order they are shown. */
export const rectificationFields = [
  'findings',
  'due',
  'closed',
  'closedOnTime',
  'overdue',
  'rectificationRate',
  'onTimeRate',
] as const;
export type RectificationField = (typeof rectificationFields)[number];

export function formatRectificationField(row: RectificationRow, field: RectificationField): string {
  return field === 'rectificationRate' || field === 'onTimeRate'
    ? formatRate(row[field])
    : formatCount(row[field]);
}

const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

interface GroupProps {
  /** 'agency' or 'town': names the table and prefixes each figure's test id. */
  group: 'agency' | 'town';
  rows: RectificationRow[];
  label: (key: string) => string;
}

function RectificationGroup({ group, rows, label }: GroupProps) {
  const { t } = useTranslation();
  const title = t(group === 'agency' ? 'dashboard.byAgency' : 'dashboard.byTown');
  return (
    <Col xs={24} xxl={12}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ChartFrame
        label={`${t('dashboard.rectificationTitle')}: ${title}`}
        data={rows.map((r) => ({
          name: label(r.key),
          rectificationRate: percent(r.rectificationRate),
          onTimeRate: percent(r.onTimeRate),
        }))}
        xKey="name"
        wrapLabels
        percent
        series={[
          { key: 'rectificationRate', label: t('dashboard.rectificationRate') },
          { key: 'onTimeRate', label: t('dashboard.onTimeRate') },
        ]}
      />
      <ScrollRegion label={title}>
        <Table<RectificationRow>
          aria-label={title}
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t(group === 'agency' ? 'dashboard.agency' : 'dashboard.town'),
              key: 'name',
              render: (_, r) => label(r.key),
            },
            ...rectificationFields.map((field) =>
              figureColumn<RectificationRow>(
                field,
                t(`dashboard.${field}`),
                (r) => formatRectificationField(r, field),
                (r) => `rectification-${group}-${r.key}-${field}`,
              ),
            ),
          ]}
        />
      </ScrollRegion>
    </Col>
  );
}

interface Props {
  district: RectificationRow;
  byAgency: RectificationRow[];
  byTown: RectificationRow[];
  agencyName: (id: string) => string;
  townName: (code: string) => string;
}

/** Rectification and on-time rates of the district, each agency and each town. */
export function RectificationSection({ district, byAgency, byTown, agencyName, townName }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.rectificationTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('dashboard.rateNote')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('dashboard.district')}</Typography.Title>
      <Flex wrap gap={24}>
        {rectificationFields.map((field) => (
          <Figure
            key={field}
            label={t(`dashboard.${field}`)}
            value={formatRectificationField(district, field)}
            testId={`rectification-district-${field}`}
          />
        ))}
      </Flex>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <RectificationGroup group="agency" rows={byAgency} label={agencyName} />
        <RectificationGroup group="town" rows={byTown} label={townName} />
      </Row>
    </Card>
  );
}
