import { Alert, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useProfile } from '../../session/session-context';

interface Props {
  title: string;
  /** What an inspector reads instead of the content. */
  inspectorNotice: string;
  /**
   * When set, the screen is for supervisors only and an administrator reads this instead of the
   * content (reviews: an act of enforcement, which administrators do not make).
   */
  adminNotice?: string;
  children: ReactNode;
}

/**
 * A screen for supervisors (and admins, unless it has an admin notice): its title, then its
 * content, or to the others a notice.
 */
export function ReviewerScreen({ title, inspectorNotice, adminNotice, children }: Props) {
  const { session } = useProfile();
  const { role } = session.user;
  const notice =
    role === 'inspector' ? inspectorNotice : role === 'admin' ? adminNotice : undefined;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {notice === undefined ? children : <Alert type="info" showIcon title={notice} />}
    </Flex>
  );
}
