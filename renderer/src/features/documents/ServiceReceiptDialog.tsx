import { App, Flex, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceReceipt } from '../../../../domain/schemas/service-receipt';
import type { ReceiptInput } from '../../db/repositories/service-receipts';
import { ReceiptError } from '../../db/repositories/service-receipts';
import type { ExportPng } from '../signatures/export-signature';
import { SignaturePad } from '../signatures/SignaturePad';

interface Props {
  document: ServiceReceipt['document'];
  /** The officers who served it: those of the record or case that issued it. */
  servedBy: readonly string[];
  /** Whom the form names as the recipient to begin with (the representative who signed). */
  recipient?: { name: string; title: string } | null;
  /**
   * Where the receipt is kept: an inspection's or a finding's on this device, a penalty case's
   * on the server. Throws to refuse it; `errorText` words the refusal.
   */
  save: (receipt: ReceiptInput) => Promise<void>;
  /** The message for a failed save; undefined falls back to the device's own refusals. */
  errorText?: (error: unknown) => string | undefined;
  /** The message once saved; by default, that it syncs with the next sync. */
  savedText?: string;
  onClose: () => void;
  /** How strokes become PNG bytes; tests pass their own (jsdom has no canvas encoder). */
  exportPng?: ExportPng;
}

interface Witness {
  name: string;
  organisation: string;
  png: Blob | null;
}

const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/**
 * 送达回证: how the document was served, when and where, and the recipient's signature, or their
 * refusal with two witnesses who sign (留置送达). Saved where `save` keeps it.
 */
export function ServiceReceiptDialog({
  document,
  servedBy,
  recipient: start,
  save: keep,
  errorText,
  savedText,
  onClose,
  exportPng,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [method, setMethod] = useState<ServiceReceipt['method']>('direct');
  const [servedAt, setServedAt] = useState(localNow);
  const [place, setPlace] = useState('');
  const [recipient, setRecipient] = useState({
    name: start?.name ?? '',
    title: start?.title ?? '',
  });
  const [signature, setSignature] = useState<Blob | null>(null);
  const [reason, setReason] = useState('');
  const [witnesses, setWitnesses] = useState<Witness[]>([
    { name: '', organisation: '', png: null },
    { name: '', organisation: '', png: null },
  ]);
  const [saving, setSaving] = useState(false);
  const left = method === 'left';
  const setWitness = (i: number, change: Partial<Witness>) =>
    setWitnesses((all) => all.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const named = witnesses.map((w) => w.name.trim()).filter((n) => n !== '');
  const duplicateWitnesses = new Set(named).size !== named.length;
  const complete =
    place.trim() !== '' &&
    recipient.name.trim() !== '' &&
    servedAt !== '' &&
    (left
      ? reason.trim() !== '' &&
        witnesses.every((w) => w.name.trim() !== '' && w.organisation.trim() !== '' && w.png) &&
        !duplicateWitnesses
      : signature !== null);

  async function save() {
    setSaving(true);
    try {
      await keep({
        id: crypto.randomUUID(),
        document,
        method,
        servedAt: new Date(servedAt).toISOString(),
        place: place.trim(),
        servedBy: [...servedBy],
        recipient: { name: recipient.name.trim(), title: recipient.title.trim() },
        signaturePng: left ? null : signature,
        refusal: left
          ? {
              reason: reason.trim(),
              witnesses: witnesses.map((w) => ({
                name: w.name.trim(),
                organisation: w.organisation.trim(),
                png: w.png as Blob,
              })),
            }
          : null,
      });
      void message.success(savedText ?? t('receipt.saved'));
      onClose();
    } catch (error) {
      void message.error(
        errorText?.(error) ??
          (error instanceof ReceiptError ? t(`receipt.errors.${error.code}`) : t('receipt.failed')),
      );
    } finally {
      setSaving(false);
    }
  }

  const pad = (label: string, done: Blob | null, onDone: (png: Blob) => void) =>
    done ? (
      <Typography.Text type="success">{t('receipt.signed', { name: label })}</Typography.Text>
    ) : (
      <SignaturePad
        label={label}
        onDone={onDone}
        size={{ width: 420, height: 140 }}
        {...(exportPng ? { exportPng } : {})}
      />
    );

  return (
    <Modal
      open
      width={560}
      title={t('receipt.title')}
      okText={t('receipt.save')}
      okButtonProps={{ disabled: !complete, loading: saving }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Flex vertical gap={8}>
        <Radio.Group
          aria-label={t('receipt.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value as ServiceReceipt['method'])}
          options={[
            { value: 'direct', label: t('receipt.direct') },
            { value: 'left', label: t('receipt.left') },
          ]}
        />
        <Input
          type="datetime-local"
          aria-label={t('receipt.servedAt')}
          value={servedAt}
          onChange={(e) => setServedAt(e.target.value)}
        />
        <Input
          aria-label={t('receipt.place')}
          placeholder={t('receipt.place')}
          value={place}
          maxLength={200}
          onChange={(e) => setPlace(e.target.value)}
        />
        <Flex gap={8}>
          <Input
            aria-label={t('receipt.recipientName')}
            placeholder={t('receipt.recipientName')}
            value={recipient.name}
            maxLength={50}
            onChange={(e) => setRecipient((r) => ({ ...r, name: e.target.value }))}
          />
          <Input
            aria-label={t('receipt.recipientTitle')}
            placeholder={t('receipt.recipientTitle')}
            value={recipient.title}
            maxLength={50}
            onChange={(e) => setRecipient((r) => ({ ...r, title: e.target.value }))}
          />
        </Flex>
        {left ? (
          <>
            <Input.TextArea
              aria-label={t('receipt.refusalReason')}
              placeholder={t('receipt.refusalReason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            {witnesses.map((w, i) => (
              <Flex key={i} vertical gap={4}>
                <Flex gap={8}>
                  <Input
                    aria-label={t('receipt.witnessName', { n: i + 1 })}
                    placeholder={t('receipt.witnessName', { n: i + 1 })}
                    value={w.name}
                    maxLength={50}
                    onChange={(e) => setWitness(i, { name: e.target.value })}
                  />
                  <Input
                    aria-label={t('receipt.witnessOrganisation', { n: i + 1 })}
                    placeholder={t('receipt.witnessOrganisation', { n: i + 1 })}
                    value={w.organisation}
                    maxLength={100}
                    onChange={(e) => setWitness(i, { organisation: e.target.value })}
                  />
                </Flex>
                {pad(t('receipt.witnessName', { n: i + 1 }), w.png, (png) =>
                  setWitness(i, { png }),
                )}
              </Flex>
            ))}
          </>
        ) : (
          pad(t('receipt.recipientName'), signature, setSignature)
        )}
        {left && duplicateWitnesses ? (
          <Typography.Text type="danger">{t('receipt.witnessesDistinct')}</Typography.Text>
        ) : null}
      </Flex>
    </Modal>
  );
}
