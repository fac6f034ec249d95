import { Alert, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TermLine, UnitLines } from './unit-working';

/** One unit's GB 18218-2018 working on the enterprise file: its terms, S, α, R and level. */
export function UnitWorking({ lines }: { lines: UnitLines }) {
  const { t } = useTranslation();
  return (
    <section aria-label={lines.title} style={{ marginTop: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {lines.title}
      </Typography.Title>
      {lines.terms.length > 0 ? (
        <Table<TermLine>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 1000 }}
          dataSource={lines.terms}
          columns={[
            { title: t('hazardWorking.substance'), dataIndex: 'substance', width: 180 },
            { title: t('enterpriseFile.q'), dataIndex: 'q', width: 80 },
            { title: t('enterpriseFile.Q'), dataIndex: 'Q', width: 90 },
            { title: t('hazardWorking.qBasis'), dataIndex: 'qBasis', width: 220 },
            { title: t('enterpriseFile.qOverQ'), dataIndex: 'qOverQ', width: 70 },
            { title: t('enterpriseFile.beta'), dataIndex: 'beta', width: 70 },
            { title: t('hazardWorking.betaBasis'), dataIndex: 'betaBasis', width: 200 },
            { title: t('enterpriseFile.betaQOverQ'), dataIndex: 'betaQOverQ', width: 70 },
          ]}
        />
      ) : null}
      <Descriptions
        style={{ marginTop: 8 }}
        size="small"
        bordered
        column={1}
        items={[
          { key: 'S', label: t('enterpriseFile.S'), children: lines.S },
          { key: 'people', label: t('hazardWorking.peopleLabel'), children: lines.people },
          { key: 'alpha', label: t('enterpriseFile.alpha'), children: lines.alpha },
          { key: 'R', label: t('enterpriseFile.R'), children: lines.R },
          { key: 'result', label: t('enterpriseFile.result'), children: lines.result },
          {
            key: 'table',
            label: t('hazardWorking.tableVersion'),
            children: lines.tableVersion,
          },
        ]}
      />
      {lines.notCounted.length > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          title={t('hazardWorking.notCountedTitle')}
          description={
            <ul style={{ margin: 0 }}>
              {lines.notCounted.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </section>
  );
}
