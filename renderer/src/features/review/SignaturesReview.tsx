import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { SignatureImage } from '../signatures/SignatureImage';

/** Who signed the record (as drawn), who represented the enterprise, or why they refused. */
export function SignaturesReview({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const rep = inspection.enterpriseRep;
  return (
    <Card size="small" title={t('reviewDetail.signatures')}>
      <Flex vertical gap={12}>
        {rep && rep.name !== '' ? (
          <Typography.Text>
            {t('reviewDetail.representative', { name: rep.name, title: rep.title })}
          </Typography.Text>
        ) : null}
        {inspection.refusedToSign ? (
          <Alert
            type="warning"
            showIcon
            title={t('reviewDetail.refused', { reason: inspection.refusedToSign.reason })}
          />
        ) : null}
        {inspection.signatures.length === 0 ? (
          <Typography.Text type="secondary">{t('reviewDetail.noSignatures')}</Typography.Text>
        ) : (
          <Flex gap={16} wrap>
            {inspection.signatures.map((s) => (
              <Flex key={`${s.role}:${s.userId ?? ''}`} vertical gap={4} align="start">
                <Typography.Text type="secondary">
                  {t(`signatures.role.${s.role}`)}: {s.name}
                </Typography.Text>
                <SignatureImage
                  signature={s}
                  alt={t('reviewDetail.signatureOf', { name: s.name })}
                />
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
