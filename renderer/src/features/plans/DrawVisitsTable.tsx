// The visits a draw made: each enterprise with its risk class and its officers, joint visits
// marked, and for a visit left unstaffed, per agency, who could not be sent and why.
import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrawnVisit } from '../../../../domain/schemas/draw';
import type { CaseNames } from '../cases/useCaseNames';

interface Props {
  visits: readonly DrawnVisit[];
  names: CaseNames;
  agencyName: (id: string) => string;
}

export function DrawVisitsTable({ visits, names, agencyName }: Props) {
  const { t } = useTranslation();
  const unstaffedText = (v: DrawnVisit) =>
    v.unstaffed ? (
      <Flex vertical gap={2}>
        <Typography.Text type="danger">
          {t('plans.visits.unstaffed', { needed: v.unstaffed.needed })}
        </Typography.Text>
        {v.unstaffed.byAgency.map((a) => (
          <Typography.Text key={a.agencyId} type="secondary">
            {t('plans.visits.agencyEligible', {
              agency: agencyName(a.agencyId),
              count: a.eligible,
            })}
            {a.excluded.length > 0
              ? `: ${a.excluded
                  .map(
                    (x) =>
                      `${names.user(x.officerId)} (${x.reasons
                        .map((r) => t(`plans.exclusion.${r}`))
                        .join(t('plans.listSeparator'))})`,
                  )
                  .join(t('plans.listSeparator'))}`
              : ''}
          </Typography.Text>
        ))}
      </Flex>
    ) : null;
  return (
    <Table<DrawnVisit>
      rowKey="enterpriseId"
      size="small"
      pagination={visits.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={[...visits]}
      columns={[
        {
          key: 'enterprise',
          title: t('plans.visits.enterprise'),
          render: (_: unknown, v: DrawnVisit) => names.enterprise(v.enterpriseId),
        },
        {
          key: 'class',
          title: t('plans.visits.riskClass'),
          render: (_: unknown, v: DrawnVisit) => t(`plans.riskClass.${v.riskClass}`),
        },
        {
          key: 'officers',
          title: t('plans.visits.officers'),
          render: (_: unknown, v: DrawnVisit) =>
            v.unstaffed
              ? unstaffedText(v)
              : v.officerIds.map((id) => names.user(id)).join(t('plans.listSeparator')),
        },
        {
          key: 'joint',
          title: t('plans.visits.agencies'),
          render: (_: unknown, v: DrawnVisit) => (
            <Flex gap={4} wrap>
              {v.joint ? <Tag color="purple">{t('plans.visits.joint')}</Tag> : null}
              {v.agencyIds.map((id) => agencyName(id)).join(t('plans.listSeparator'))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
