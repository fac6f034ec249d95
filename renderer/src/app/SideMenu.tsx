import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  BarsOutlined,
  ContainerOutlined,
  DashboardOutlined,
  DiffOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FundOutlined,
  HistoryOutlined,
  LaptopOutlined,
  NumberOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StopOutlined,
  SyncOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useProfile } from '../session/session-context';
import { sectionsFor } from './routes';
import type { SectionKey } from './routes';

const icons: Record<SectionKey, ReactNode> = {
  enterprises: <BankOutlined />,
  inspections: <FileSearchOutlined />,
  findings: <AlertOutlined />,
  deadlines: <FieldTimeOutlined />,
  review: <AuditOutlined />,
  worklist: <OrderedListOutlined />,
  dashboard: <DashboardOutlined />,
  conflicts: <DiffOutlined />,
  register: <NumberOutlined />,
  cases: <AuditOutlined />,
  plans: <CalendarOutlined />,
  targetList: <BarsOutlined />,
  officerList: <SafetyCertificateOutlined />,
  officerConflicts: <StopOutlined />,
  sync: <SyncOutlined />,
  settings: <SettingOutlined />,
  adminDirectory: <ApartmentOutlined />,
  adminUsers: <TeamOutlined />,
  adminDevices: <LaptopOutlined />,
  adminAudit: <HistoryOutlined />,
  adminTemplates: <ProfileOutlined />,
  adminEnterprises: <ContainerOutlined />,
  adminGb18218: <ExperimentOutlined />,
  myTasks: <CarryOutOutlined />,
  planProgress: <FundOutlined />,
};

/** The main navigation; antd's menu moves focus with the arrow keys and opens with Enter. */
export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections = sectionsFor(useProfile().session.user.role);
  const selected = sections.find((s) => pathname.startsWith(s.path))?.path;
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => void navigate(key)}
        items={sections.map((s) => ({
          key: s.path,
          icon: icons[s.key],
          label: t(s.label ?? `nav.${s.key}`),
        }))}
      />
    </nav>
  );
}
