import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConflictEntry } from '../../db/repositories/conflict-log';
import type { ConflictResolution } from '../../../../domain/sync/protocol';
import { formatDateTime } from '../common/format-date';
import { refusalReason } from './conflict-reason';
import { ConflictValue } from './ConflictValue';

/** "Hazard “Leaking valve”", or the kind of record alone when this device does not have it. */
export function subjectLabel(entry: ConflictEntry, t: TFunction): string {
  const entity = t(`syncDetail.entity.${entry.subject.entity}`);
  const title = entry.subject.title ?? entry.subject.enterpriseName;
  return title
    ? t('conflicts.subjectTitled', { entity, title })
    : t('conflicts.subjectUnknown', { entity });
}

export function fieldLabel(field: string, t: TFunction, exists: (key: string) => boolean): string {
  const key = `conflicts.fields.${field}`;
  return exists(key) ? t(key) : field;
}

interface Props {
  entry: ConflictEntry;
  onChoose: (keep: ConflictResolution) => void;
  onDismiss: () => void;
}

/** One logged conflict: what it is about, both values with who and when, and the choice. */
export function ConflictCard({ entry, onChoose, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const { conflict, subject, choice } = entry;
  const when = (at: string | null) => formatDateTime(at, i18n.language);
  const person = (name: string | null) => name ?? t('conflicts.unknownUser');
  const field = fieldLabel(conflict.field, t, (k) => i18n.exists(k));
  const label = `${subjectLabel(entry, t)} · ${field}`;
  const choiceText = (keep: ConflictResolution) =>
    keep === 'kept' ? t('conflicts.keepCurrent') : t('conflicts.restoreOverwritten');
  const open = conflict.resolvedAt === null;
  const waiting = choice?.state === 'pending';

  return (
    <section aria-label={label}>
      <Card size="small" title={label}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('conflicts.record')}>
            <Space orientation="vertical" size={0}>
              <span>{subjectLabel(entry, t)}</span>
              {subject.enterpriseName && subject.title !== subject.enterpriseName ? (
                <Typography.Text type="secondary">
                  {t('conflicts.enterpriseLine', { enterprise: subject.enterpriseName })}
                </Typography.Text>
              ) : null}
              {subject.inspectionStartedAt ? (
                <Typography.Text type="secondary">
                  {t('conflicts.inspectionLine', { at: when(subject.inspectionStartedAt) })}
                </Typography.Text>
              ) : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('conflicts.field')}>{field}</Descriptions.Item>
          <Descriptions.Item label={t('conflicts.current')}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <ConflictValue value={conflict.keptValue} />
              <Typography.Text type="secondary">
                {t('conflicts.by', { name: person(entry.keptUserName), at: when(conflict.at) })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('conflicts.overwritten')}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <ConflictValue value={conflict.losingValue} />
              <Typography.Text type="secondary">{person(entry.losingUserName)}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          {open ? (
            <Space wrap>
              <Button type="primary" disabled={waiting} onClick={() => onChoose('kept')}>
                {t('conflicts.keepCurrent')}
              </Button>
              <Button disabled={waiting} onClick={() => onChoose('losing')}>
                {t('conflicts.restoreOverwritten')}
              </Button>
              {waiting ? (
                <Tag color="processing" role="status">
                  {t('conflicts.waiting', { choice: choiceText(choice.keep) })}
                </Tag>
              ) : null}
            </Space>
          ) : (
            <Typography.Text role="status">
              {t(
                conflict.resolution === 'losing'
                  ? 'conflicts.resolvedLosing'
                  : 'conflicts.resolvedKept',
                {
                  name: person(entry.resolvedByName),
                  at: when(conflict.resolvedAt),
                },
              )}
            </Typography.Text>
          )}
          {choice?.state === 'failed' && choice.error ? (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              title={t('conflicts.refused', {
                reason: (() => {
                  const reason = refusalReason(choice.error);
                  return t(reason.key, reason.values);
                })(),
              })}
              action={
                <Button size="small" onClick={onDismiss}>
                  {t('conflicts.dismiss')}
                </Button>
              }
            />
          ) : null}
        </div>
      </Card>
    </section>
  );
}
