import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { useProfile } from '../../session/session-context';
import { EnterpriseProfile } from './EnterpriseProfile';
import { MajorHazardSourceCard } from './MajorHazardSourceCard';
import { InspectionHistory } from './InspectionHistory';
import { OpenFindings } from './OpenFindings';
import { TrackMilestones } from './TrackMilestones';
import { useEnterpriseFile } from './useEnterpriseFile';

/** The enterprise's file: `#/enterprises/:id`. */
export function EnterpriseDetail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { session } = useProfile();
  const file = useEnterpriseFile(id);
  if (file === undefined) return <Skeleton active aria-busy="true" />;
  if (file === null) {
    return (
      <Empty description={t('enterpriseFile.notFound')}>
        <Link to="/enterprises">{t('enterpriseFile.back')}</Link>
      </Empty>
    );
  }
  // Deadlines and milestones are dates of the district's calendar.
  const today = todayInChina(new Date());
  const { enterprise } = file;
  return (
    <Flex vertical gap={16}>
      <Space>
        <Link to="/enterprises">
          <ArrowLeftOutlined /> {t('enterpriseFile.back')}
        </Link>
      </Space>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {enterprise.name}
        </Typography.Title>
        {/* Inspectors lead site visits (a supervisor's re-inspections start from the hazard). */}
        {session.user.role === 'inspector' ? (
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            onClick={() => void navigate(`/enterprises/${enterprise.id}/inspect`)}
          >
            {t('enterpriseFile.startInspection')}
          </Button>
        ) : null}
      </Flex>
      <EnterpriseProfile enterprise={enterprise} />
      <MajorHazardSourceCard enterprise={enterprise} />
      <TrackMilestones enterprise={enterprise} today={today} />
      <OpenFindings findings={file.findings} today={today} />
      <InspectionHistory inspections={file.inspections} />
    </Flex>
  );
}
