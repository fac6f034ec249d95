import { Button, Card, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import {
  recordRefusal,
  removeSignature,
  signInspection,
} from '../../db/repositories/inspection-signing';
import { RefusalDialog } from './RefusalDialog';
import { RepresentativeFields } from './RepresentativeFields';
import { SignaturePad } from './SignaturePad';
import { SignerRow } from './SignerRow';
import type { ExportPng } from './export-signature';
import { signersOf } from './signers';
import type { Signer } from './signers';
import { useLocalWrite } from './useLocalWrite';

interface Props {
  inspection: Inspection;
  users: ReadonlyMap<string, User>;
  /** For tests: how the pad turns strokes into PNG bytes. */
  exportPng?: ExportPng;
}

/**
 * Both officers and the enterprise's representative sign here; the representative may instead
 * refuse, with a reason. Read-only once the inspection is submitted.
 */
export function SignaturesPanel({ inspection, users, exportPng }: Props) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const write = useLocalWrite();
  const [signing, setSigning] = useState<Signer | null>(null);
  const [refusing, setRefusing] = useState(false);
  const locked = inspection.status === 'submitted';
  const signers = signersOf(inspection, users);
  const rep = signers.find((s) => s.role === 'enterprise');
  const displayName = (s: Signer) =>
    s.role === 'enterprise'
      ? s.name || t('signatures.representative')
      : s.name || t('signatures.unknownOfficer');

  const sign = async (png: Blob) => {
    if (!signing) return;
    const saved = await write(() =>
      signInspection(db, inspection.id, {
        role: signing.role,
        userId: signing.userId,
        name: displayName(signing),
        png,
      }),
    );
    if (saved) setSigning(null);
  };

  return (
    <Card
      title={t('signatures.title')}
      size="small"
      role="region"
      aria-label={t('signatures.title')}
    >
      <Flex vertical gap={16}>
        <RepresentativeFields key={inspection.id} inspection={inspection} locked={locked} />
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {signers.map((signer) => {
            const name = displayName(signer);
            const isRep = signer.role === 'enterprise';
            return (
              <SignerRow
                key={`${signer.role}:${signer.userId ?? ''}`}
                signer={signer}
                name={name}
                refusal={isRep ? (inspection.refusedToSign?.reason ?? null) : null}
                locked={locked}
                onSign={() => setSigning(signer)}
                onRemove={() =>
                  void write(() => removeSignature(db, inspection.id, signer.role, signer.userId))
                }
                refusalAction={
                  !isRep ? null : inspection.refusedToSign ? (
                    <Button
                      onClick={() => void write(() => recordRefusal(db, inspection.id, null))}
                    >
                      {t('signatures.withdrawRefusal')}
                    </Button>
                  ) : (
                    <Button danger onClick={() => setRefusing(true)}>
                      {t('signatures.refuses')}
                    </Button>
                  )
                }
              />
            );
          })}
        </ul>
      </Flex>
      <Modal
        open={signing !== null}
        title={signing ? t('signatures.dialogTitle', { name: displayName(signing) }) : null}
        footer={null}
        onCancel={() => setSigning(null)}
        destroyOnHidden
        width={560}
      >
        {signing ? (
          <SignaturePad
            label={displayName(signing)}
            onDone={sign}
            onCancel={() => setSigning(null)}
            {...(exportPng ? { exportPng } : {})}
          />
        ) : null}
      </Modal>
      <RefusalDialog
        open={refusing && rep !== undefined}
        onCancel={() => setRefusing(false)}
        onConfirm={async (reason) => {
          const saved = await write(() => recordRefusal(db, inspection.id, reason));
          if (saved) setRefusing(false);
        }}
      />
    </Card>
  );
}
