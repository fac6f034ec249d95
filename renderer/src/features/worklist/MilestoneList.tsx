import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import type { WorkListMilestone } from '../../../../domain/rules/statistics';

const stateColour = { done: 'green', overdue: 'red', pending: 'default' } as const;

interface Props {
  milestones: WorkListMilestone[];
  /** data-testid prefix: each milestone's state is `${prefix}-${index}-state`. */
  prefix: string;
}

/** An enterprise's milestones with their due dates, done dates and states; overdue in red. */
export function MilestoneList({ milestones, prefix }: Props) {
  const { t } = useTranslation();
  if (milestones.length === 0) {
    return <Typography.Text type="secondary">{t('worklist.noMilestones')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={4} component="ul" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {milestones.map((m, i) => (
        <li key={`${m.due}-${i}`}>
          <Tag color={stateColour[m.state]} data-testid={`${prefix}-${i}-state`}>
            {t(`worklist.${m.state}`)}
          </Tag>
          <Typography.Text>{m.title}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('worklist.dueOn', { date: m.due })}
            {m.doneAt !== null ? ` · ${t('worklist.doneOn', { date: chinaDateOf(m.doneAt) })}` : ''}
          </Typography.Text>
        </li>
      ))}
    </Flex>
  );
}
