import { Button, Descriptions, Drawer, Flex, List, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { handlersOf } from '../../../../domain/rules/penalty-stages';
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { formatDateTime } from '../common/format-date';
import { CaseActions } from './CaseActions';
import { CaseEvidenceList } from './CaseEvidenceList';
import { useCaseEvidence } from './useCaseEvidence';
import { CaseReceiptAction } from './CaseReceiptAction';
import { casePrintPath } from './case-print-route';
import type { CaseNames } from './useCaseNames';

interface Props {
  theCase: PenaltyCase;
  names: CaseNames;
  onClose: () => void;
  onChanged: () => void;
}

const time = (at: string | null) => (at ? formatDateTime(at) : '');

/** One case: its stages with who did what when, its documents to print, its evidence, and what may be done next. */
export function CaseDrawer({ theCase: c, names, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const evidence = useCaseEvidence(c.enterpriseId, names.user);
  const linked = [
    ...c.evidence.map((e) => e.ref),
    ...c.amendments.flatMap((a) => (a.evidence ? [a.evidence] : [])),
  ];
  const servedAt = (kind: string) =>
    time(c.serviceReceipts?.find((r) => r.document === kind)?.servedAt ?? null);
  return (
    <Drawer open width={640} title={c.number ?? t('cases.unnumbered')} onClose={onClose}>
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('cases.enterprise')}>
            {names.enterprise(c.enterpriseId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.summary')}>{c.summary}</Descriptions.Item>
          <Descriptions.Item label={t('cases.origin')}>
            {t(`cases.origins.${c.origin.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.openedBy')}>
            {names.user(c.openedBy)} {time(c.openedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.handlers')}>
            {handlersOf(c).map(names.user).join(t('admin.listSeparator'))}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('cases.steps')}</Typography.Title>
        <Steps
          direction="vertical"
          size="small"
          current={c.steps.length - 1}
          items={c.steps.map((s) => ({
            title: t(`cases.stages.${s.stage}`),
            status: s.completedAt ? 'finish' : 'process',
            description: [
              t('cases.stepStarted', { who: names.user(s.startedBy), at: time(s.startedAt) }),
              t('cases.stepDue', { day: s.dueOn }),
              s.completedBy
                ? t('cases.stepDone', { who: names.user(s.completedBy), at: time(s.completedAt) })
                : '',
              s.note,
            ]
              .filter((line) => line !== '')
              .join(' · '),
          }))}
        />
        <Typography.Title level={5}>{t('cases.documents')}</Typography.Title>
        <List
          size="small"
          locale={{ emptyText: t('cases.noDocuments') }}
          dataSource={c.documents}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="print"
                  size="small"
                  onClick={() => void navigate(casePrintPath(c.id, d.kind))}
                >
                  {t('cases.print')}
                </Button>,
                <CaseReceiptAction key="receipt" theCase={c} kind={d.kind} onChanged={onChanged} />,
              ]}
            >
              {t(`register.kinds.${d.kind}`)} {d.number}
              {servedAt(d.kind) ? (
                <Typography.Text type="secondary">
                  {' '}
                  {t('cases.served', { at: servedAt(d.kind) })}
                </Typography.Text>
              ) : null}
            </List.Item>
          )}
        />
        <Typography.Title level={5}>{t('cases.evidence')}</Typography.Title>
        <CaseEvidenceList refs={linked} items={evidence.items} store={evidence.store} />
        {c.amendments.length > 0 ? (
          <>
            <Typography.Title level={5}>{t('cases.amendments')}</Typography.Title>
            <List
              size="small"
              dataSource={c.amendments}
              renderItem={(a) => (
                <List.Item>
                  {names.user(a.by)} {time(a.at)}: {a.reason} {a.note}
                </List.Item>
              )}
            />
          </>
        ) : null}
        <CaseActions theCase={c} evidence={evidence} onChanged={onChanged} />
      </Flex>
    </Drawer>
  );
}
