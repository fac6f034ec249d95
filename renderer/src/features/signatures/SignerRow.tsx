import { Button, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format-date';
import { SignatureImage } from './SignatureImage';
import type { Signer } from './signers';

interface Props {
  signer: Signer;
  /** The name shown and signed under. */
  name: string;
  refusal: string | null;
  locked: boolean;
  onSign(): void;
  onRemove(): void;
  /** The representative's refuse / withdraw button. */
  refusalAction?: ReactNode;
}

/** One person who signs: their role, name, signature (or refusal) and what can be done. */
export function SignerRow({
  signer,
  name,
  refusal,
  locked,
  onSign,
  onRemove,
  refusalAction,
}: Props) {
  const { t, i18n } = useTranslation();
  const status = signer.signature ? (
    <Flex gap={12} align="center" wrap>
      <SignatureImage signature={signer.signature} alt={t('signatures.imageOf', { name })} />
      <Typography.Text type="secondary">
        {t('signatures.signedAt', { at: formatDateTime(signer.signature.signedAt, i18n.language) })}
      </Typography.Text>
    </Flex>
  ) : refusal !== null ? (
    <Typography.Text type="warning">{t('signatures.refused', { reason: refusal })}</Typography.Text>
  ) : (
    <Typography.Text type="secondary">{t('signatures.notSigned')}</Typography.Text>
  );
  return (
    <li style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex gap={12} align="center" justify="space-between" wrap>
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Tag>{t(`signatures.role.${signer.role}`)}</Tag>
            <Typography.Text strong>{name}</Typography.Text>
          </Flex>
          {status}
        </Flex>
        {locked ? null : (
          <Flex gap={8} wrap>
            <Button
              type={signer.signature ? 'default' : 'primary'}
              disabled={signer.role === 'enterprise' && signer.name === ''}
              onClick={onSign}
            >
              {t(signer.signature ? 'signatures.signAgainAs' : 'signatures.signAs', { name })}
            </Button>
            {signer.signature ? (
              <Button onClick={onRemove}>{t('signatures.remove', { name })}</Button>
            ) : null}
            {refusalAction}
          </Flex>
        )}
      </Flex>
    </li>
  );
}
