import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { printPath } from './document-kinds';

/** Opens the printable documents of an inspection (each on the print route). */
export function DocumentLinks({
  inspectionId,
  findings,
}: {
  inspectionId: string;
  findings: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('documents.title')} size="small">
      <Flex gap={8} wrap align="center">
        <Button
          icon={<FileTextOutlined />}
          onClick={() => void navigate(printPath(inspectionId, 'record'))}
        >
          {t('documents.record')}
        </Button>
        <Button
          icon={<FileTextOutlined />}
          disabled={findings === 0}
          onClick={() => void navigate(printPath(inspectionId, 'order'))}
        >
          {t('documents.order')}
        </Button>
        {findings === 0 ? (
          <Typography.Text type="secondary">{t('documents.noOrder')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
