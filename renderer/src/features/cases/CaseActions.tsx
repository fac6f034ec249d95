import { Button, Flex, Input, Typography } from 'antd';
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
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { useProfile } from '../../session/session-context';
import { evidenceKey } from './case-evidence-items';
import { EvidencePicker } from './EvidencePicker';
import type { CaseEvidence } from './useCaseEvidence';
import { useCaseRequest } from './useCaseRequest';
import { useCasesClient } from './useCases';

interface Props {
  theCase: PenaltyCase;
  /** The enterprise's records on this device, which the evidence is picked from. */
  evidence: CaseEvidence;
  onChanged: () => void;
}

/** What the signed-in user may do next with the case; the server checks each again. */
export function CaseActions({ theCase: c, evidence: records, onChanged }: Props) {
  const { t } = useTranslation();
  const { session } = useProfile();
  const client = useCasesClient();
  const me = session.user;
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const request = useCaseRequest();
  const busy = request.busy;

  async function run(action: () => Promise<unknown>) {
    if (!(await request.run(action, t('cases.saved')))) return;
    setNote('');
    setReason('');
    setPicked(null);
    onChanged();
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
  const chosen = records.items?.find((item) => item.key === picked)?.ref ?? null;
  const linked = new Set(
    [
      ...c.evidence.map((e) => e.ref),
      ...c.amendments.flatMap((a) => (a.evidence ? [a.evidence] : [])),
    ].map(evidenceKey),
  );

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
        <Flex gap={8} align="center">
          <div style={{ flex: 1, minWidth: 0 }}>
            <EvidencePicker
              items={records.items}
              linked={linked}
              store={records.store}
              value={picked}
              onChange={setPicked}
            />
          </div>
          {c.status === 'closed' ? null : (
            <Button
              disabled={chosen === null}
              loading={busy}
              onClick={() =>
                chosen && void run(() => client.linkEvidence(c.id, { version, evidence: chosen }))
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
                  evidence: chosen,
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
