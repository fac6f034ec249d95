import { FileTextOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { extensionDeciderProblem, pendingExtension } from '../../../../domain/rules/extension';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { OpenCaseButton } from '../cases/OpenCaseButton';
import { printPath } from '../documents/document-kinds';
import { extensionPrintPath } from '../documents/print-route';
import { ExtensionDecisionDialog } from './ExtensionDecisionDialog';
import { ExtensionRequestDialog } from './ExtensionRequestDialog';
import { RectificationDialog } from './RectificationDialog';
import { ReinspectionDialog } from './ReinspectionDialog';

type Dialog = 'rectification' | 'reinspection' | 'extensionRequest' | 'extensionDecision' | null;

interface Props {
  finding: Finding;
  /** The inspection that found the hazard, if on this device: who may decide depends on it. */
  inspection: Inspection | null;
}

/** What may be recorded next of the hazard, each in its own dialog, and its opinion to print. */
export function FindingActions({ finding, inspection }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useProfile();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const pending = pendingExtension(finding);
  const granted = (finding.extensions ?? []).findLast((e) => e.decision?.result === 'granted');
  const mayDecide =
    pending !== null &&
    finding.status !== 'closed' &&
    inspection !== null &&
    extensionDeciderProblem(session.user, inspection) === null;
  return (
    <>
      <Flex gap={8} wrap>
        {finding.status === 'open' ? (
          <Button type="primary" onClick={() => setDialog('rectification')}>
            {t('deadlines.recordRectification')}
          </Button>
        ) : null}
        {finding.status === 'rectified' ? (
          <Button type="primary" onClick={() => setDialog('reinspection')}>
            {t('deadlines.recordReinspection')}
          </Button>
        ) : null}
        {finding.status === 'open' && pending === null ? (
          <Button onClick={() => setDialog('extensionRequest')}>
            {t('deadlines.requestExtension')}
          </Button>
        ) : null}
        {mayDecide ? (
          <Button onClick={() => setDialog('extensionDecision')}>
            {t('deadlines.decideExtension')}
          </Button>
        ) : null}
        {finding.verification ? (
          <Button
            icon={<FileTextOutlined />}
            onClick={() => void navigate(printPath(finding.inspectionId, 'reinspection'))}
          >
            {t('deadlines.printOpinion')}
          </Button>
        ) : null}
        {granted ? (
          <Button
            icon={<FileTextOutlined />}
            onClick={() => void navigate(extensionPrintPath(finding.id, granted.id))}
          >
            {t('deadlines.printExtensionDecision')}
          </Button>
        ) : null}
        <OpenCaseButton finding={finding} />
      </Flex>
      {dialog === 'rectification' ? (
        <RectificationDialog finding={finding} onClose={close} />
      ) : null}
      {dialog === 'reinspection' ? <ReinspectionDialog finding={finding} onClose={close} /> : null}
      {dialog === 'extensionRequest' ? (
        <ExtensionRequestDialog finding={finding} onClose={close} />
      ) : null}
      {dialog === 'extensionDecision' && pending ? (
        <ExtensionDecisionDialog finding={finding} request={pending} onClose={close} />
      ) : null}
    </>
  );
}
