import { Alert, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useProfile } from '../../app/session-context';

interface Props {
  title: string;
  /** What an inspector reads instead of the content. */
  inspectorNotice: string;
  children: ReactNode;
}

/** A screen for supervisors and admins: its title, then its content, or to inspectors a notice. */
export function ReviewerScreen({ title, inspectorNotice, children }: Props) {
  const { session } = useProfile();
  const reviewer = session.user.role !== 'inspector';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {reviewer ? children : <Alert type="info" showIcon title={inspectorNotice} />}
    </Flex>
  );
}
