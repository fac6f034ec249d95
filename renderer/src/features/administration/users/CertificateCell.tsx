import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { certificateState } from './certificate-state';

interface Props {
  certificateNo: string | null;
  expiresOn: string | null | undefined;
  expiring: boolean;
}

/** A certificate number and its last valid day, flagged when expired or about to expire. */
export function CertificateCell({ certificateNo, expiresOn, expiring }: Props) {
  const { t } = useTranslation();
  const state = certificateState(expiresOn, expiring, new Date());
  if (!certificateNo) return <>{t('admin.users.noCertificate')}</>;
  return (
    <Space size={4} wrap>
      <span>{certificateNo}</span>
      {expiresOn ? <span>{t('admin.users.validUntil', { date: expiresOn })}</span> : null}
      {state === 'expired' ? <Tag color="error">{t('admin.users.certificateExpired')}</Tag> : null}
      {state === 'expiring' ? (
        <Tag color="warning">{t('admin.users.certificateExpiring')}</Tag>
      ) : null}
    </Space>
  );
}
