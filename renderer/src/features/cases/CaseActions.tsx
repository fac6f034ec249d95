import { App, Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  currentStep,
  mayApprove as mayApproveCase,
  mayEnter,
  mayHandle,
  nextStages,
  STAGE_ACTORS,
} from '../../../../domain/rules/penalty-stages';
import type { EvidenceRef, PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { evidenceKinds } from '../../../../domain/schemas/penalty-case';
import { useProfile } from '../../session/session-context';
import { ApiError } from '../../sync/errors';
import { isOffline } from '../../sync/errors';
import { useCasesClient } from './useCases';

interface Props {
  theCase: PenaltyCase;
  onChanged: () => void;
}

/** What the signed-in user may do next with the case; the server checks each again. */
export function CaseActions({ theCase: c, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useProfile();
  const client = useCasesClient();
  const me = session.user;
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<EvidenceRef['kind']>('inspection');
  const [evidenceId, setEvidenceId] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      setNote('');
      setReason('');
      setEvidenceId('');
      void message.success(t('cases.saved'));
      onChanged();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      void message.error(
        isOffline(error)
          ? t('cases.offline')
          : t(`cases.errors.${code}`, {
              defaultValue: t('cases.failed', {
                message: error instanceof Error ? error.message : String(error),
              }),
            }),
      );
    } finally {
      setBusy(false);
    }
  }

  const version = c.version;
  const step = currentStep(c);
  const mayApprove = c.status === 'pending' && mayApproveCase(me, c);
  const mayWork = mayHandle(me, c);
  const next = c.status === 'open' && step ? nextStages(step.stage) : [];
  const whoMay = (stage: (typeof next)[number]) =>
    mayEnter(me, c, stage)
      ? undefined
      : t(STAGE_ACTORS[stage] === 'supervisor' ? 'cases.supervisorOnly' : 'cases.handlersOnly');
  const evidence = (): EvidenceRef =>
    evidenceKind === 'photo'
      ? { kind: 'photo', sha256: evidenceId.trim().toLowerCase() }
      : { kind: evidenceKind, id: evidenceId.trim() };

  return (
    <Flex vertical gap={8}>
      {mayApprove || next.length > 0 ? (
        <Input.TextArea
          aria-label={t('cases.note')}
          placeholder={t('cases.note')}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
      ) : null}
      {mayApprove ? (
        <Flex gap={8}>
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              void run(() => client.approve(c.id, { version, approved: true, comment: note }))
            }
          >
            {t('cases.approve')}
          </Button>
          <Button
            danger
            disabled={note.trim() === ''}
            loading={busy}
            onClick={() =>
              void run(() => client.approve(c.id, { version, approved: false, comment: note }))
            }
          >
            {t('cases.refuse')}
          </Button>
        </Flex>
      ) : null}
      {next.length > 0 ? (
        <Flex gap={8} wrap>
          {next.map((stage) => (
            <Button
              key={stage}
              type={stage === 'hearing' ? 'default' : 'primary'}
              disabled={!mayEnter(me, c, stage)}
              title={whoMay(stage)}
              loading={busy}
              onClick={() => void run(() => client.advance(c.id, { version, to: stage, note }))}
            >
              {t('cases.moveTo', { stage: t(`cases.stages.${stage}`) })}
            </Button>
          ))}
        </Flex>
      ) : null}
      {mayWork && (c.status === 'pending' || c.status === 'open' || c.status === 'closed') ? (
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={t('cases.evidenceKind')}
            value={evidenceKind}
            onChange={setEvidenceKind}
            style={{ width: 120 }}
            options={evidenceKinds.map((k) => ({ value: k, label: t(`cases.evidenceKinds.${k}`) }))}
          />
          <Input
            aria-label={t('cases.evidenceId')}
            placeholder={t('cases.evidenceId')}
            value={evidenceId}
            onChange={(e) => setEvidenceId(e.target.value)}
            style={{ width: 280 }}
          />
          {c.status === 'closed' ? null : (
            <Button
              disabled={evidenceId.trim() === ''}
              loading={busy}
              onClick={() =>
                void run(() => client.linkEvidence(c.id, { version, evidence: evidence() }))
              }
            >
              {t('cases.linkEvidence')}
            </Button>
          )}
        </Flex>
      ) : null}
      {mayWork && c.status === 'closed' ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('cases.closedAmendOnly')}</Typography.Text>
          <Input
            aria-label={t('cases.amendReason')}
            placeholder={t('cases.amendReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            disabled={reason.trim() === ''}
            loading={busy}
            onClick={() =>
              void run(() =>
                client.amend(c.id, {
                  version,
                  reason,
                  note: '',
                  evidence: evidenceId.trim() === '' ? null : evidence(),
                }),
              )
            }
          >
            {t('cases.amend')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
