import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { assessMajorHazardSource } from '../../../../domain/rules/gb18218';
import type { HazardTerm, UnknownChemical } from '../../../../domain/rules/gb18218';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { betaSourceText, formatNumber, qSourceKey } from './major-hazard-source-text';

/** The chemical inventory with the GB 18218-2018 identification and grading, term by term. */
export function MajorHazardSourceCard({ enterprise }: { enterprise: Enterprise }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const result = useMemo(
    () => assessMajorHazardSource(enterprise.chemicals, enterprise.peopleWithin500m),
    [enterprise.chemicals, enterprise.peopleWithin500m],
  );
  const { alphaBand: band } = result;
  const bandText =
    band.maxPeople === null
      ? t('enterpriseFile.alphaBandOpen', { min: band.minPeople })
      : t('enterpriseFile.alphaBand', { min: band.minPeople, max: band.maxPeople });

  return (
    <Card title={t('enterpriseFile.chemicals')} size="small">
      {enterprise.chemicals.length === 0 ? (
        <Typography.Text type="secondary">{t('enterpriseFile.noChemicals')}</Typography.Text>
      ) : (
        <>
          <Table<HazardTerm>
            size="small"
            rowKey="cas"
            pagination={false}
            scroll={{ x: 960 }}
            dataSource={result.terms}
            columns={[
              {
                title: t('enterpriseFile.chemical'),
                key: 'name',
                render: (_, r) => (
                  <>
                    {r.name}
                    <Typography.Text type="secondary">
                      {` (${zh ? r.tableNameZh : r.tableNameEn})`}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('enterpriseFile.cas'), dataIndex: 'cas', key: 'cas' },
              {
                title: t('enterpriseFile.q'),
                key: 'q',
                render: (_, r) =>
                  r.holdingCount > 1
                    ? `${formatNumber(r.q)} (${t('enterpriseFile.holdings', { count: r.holdingCount })})`
                    : formatNumber(r.q),
              },
              { title: t('enterpriseFile.Q'), key: 'Q', render: (_, r) => formatNumber(r.Q) },
              {
                title: t('enterpriseFile.Qsource'),
                key: 'Qsource',
                render: (_, r) => t(qSourceKey(r.Qsource)),
              },
              {
                title: t('enterpriseFile.qOverQ'),
                key: 'qOverQ',
                render: (_, r) => formatNumber(r.qOverQ),
              },
              {
                title: t('enterpriseFile.beta'),
                key: 'beta',
                render: (_, r) => formatNumber(r.beta),
              },
              {
                title: t('enterpriseFile.betaSource'),
                key: 'betaSource',
                render: (_, r) => {
                  const text = betaSourceText(r.betaSource);
                  return t(text.key, text.values);
                },
              },
              {
                title: t('enterpriseFile.betaQOverQ'),
                key: 'betaQOverQ',
                render: (_, r) => formatNumber(r.betaQOverQ),
              },
            ]}
          />
          <Descriptions
            style={{ marginTop: 12 }}
            size="small"
            bordered
            column={1}
            items={[
              { key: 'S', label: t('enterpriseFile.S'), children: formatNumber(result.S) },
              {
                key: 'alpha',
                label: t('enterpriseFile.alpha'),
                children: `${formatNumber(result.alpha)} (${bandText})`,
              },
              { key: 'R', label: t('enterpriseFile.R'), children: formatNumber(result.R) },
              {
                key: 'result',
                label: t('enterpriseFile.result'),
                children:
                  result.level === null
                    ? t('enterpriseFile.notMajorResult')
                    : t('enterpriseFile.isMajorLevel', { level: result.level }),
              },
            ]}
          />
          {result.unknownChemicals.length > 0 ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              title={t('enterpriseFile.unknownChemicals')}
              description={
                <ul style={{ margin: 0 }}>
                  {result.unknownChemicals.map((c: UnknownChemical) => (
                    <li key={c.cas}>{`${c.name} (${c.cas}): ${formatNumber(c.q)} t`}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
        </>
      )}
    </Card>
  );
}
