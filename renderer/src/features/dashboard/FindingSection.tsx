import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingMonth } from '../../../../domain/rules/statistics';
import type { FindingCategory } from '../../../../domain/schemas/finding';
import { findingCategories } from '../../../../domain/schemas/finding';
import { formatCount } from '../common/format-figure';
import { ScrollRegion } from '../common/ScrollRegion';
import { ChartFrame } from './ChartFrame';
import { figureColumn } from './figure-cell';

const categoryTotal = (row: FindingMonth, c: FindingCategory) =>
  row.byCategory[c].general + row.byCategory[c].major;

/** Categories with at least one hazard in the months shown (the others would be columns of 0). */
export function shownCategories(rows: readonly FindingMonth[]): FindingCategory[] {
  return findingCategories.filter((c) => rows.some((r) => categoryTotal(r, c) > 0));
}

/** Hazards found per month, by grade and by category: two charts and the table of their figures. */
export function FindingSection({ rows }: { rows: FindingMonth[] }) {
  const { t } = useTranslation();
  const categories = shownCategories(rows);
  const categoryLabel = (c: FindingCategory) => t(`findingForm.categories.${c}`);
  const gradeData = rows.map((r) => ({ month: r.month, ...r.byGrade }));
  const categoryData = rows.map((r) => ({
    month: r.month,
    ...Object.fromEntries(categories.map((c) => [c, categoryTotal(r, c)])),
  }));
  return (
    <Card title={t('dashboard.findingsTitle')} size="small">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ChartFrame
            label={t('dashboard.findingsByGrade')}
            data={gradeData}
            xKey="month"
            series={(['general', 'major'] as const).map((g) => ({
              key: g,
              label: t(`grade.${g}`),
              stack: 'grade',
            }))}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartFrame
            label={t('dashboard.findingsByCategory')}
            data={categoryData}
            xKey="month"
            series={categories.map((c) => ({ key: c, label: categoryLabel(c), stack: 'category' }))}
          />
        </Col>
      </Row>
      <ScrollRegion label={t('dashboard.findingsTitle')}>
        <Table<FindingMonth>
          aria-label={t('dashboard.findingsTitle')}
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('dashboard.month'), dataIndex: 'month', key: 'month' },
            figureColumn<FindingMonth>(
              'total',
              t('dashboard.total'),
              (r) => formatCount(r.total),
              (r) => `hazards-${r.month}-total`,
            ),
            ...(['general', 'major'] as const).map((g) =>
              figureColumn<FindingMonth>(
                g,
                t(`grade.${g}`),
                (r) => formatCount(r.byGrade[g]),
                (r) => `hazards-${r.month}-${g}`,
              ),
            ),
            ...categories.map((c) =>
              figureColumn<FindingMonth>(
                c,
                categoryLabel(c),
                (r) => formatCount(categoryTotal(r, c)),
                (r) => `hazards-${r.month}-${c}`,
              ),
            ),
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
