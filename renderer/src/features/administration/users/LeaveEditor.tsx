import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeavePeriod } from '../../../../../domain/schemas/leave';

interface Props {
  value?: LeavePeriod[];
  onChange?: (value: LeavePeriod[]) => void;
}

/** An officer's leave periods on the user form: first and last day, a note; add and remove. */
export function LeaveEditor({ value = [], onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<LeavePeriod>) =>
    onChange?.(value.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <Flex vertical gap={6}>
      {value.map((p, i) => (
        <Flex key={i} gap={6} align="center">
          <Input
            type="date"
            aria-label={`${t('admin.users.leaveFrom')} ${i + 1}`}
            value={p.from}
            onChange={(e) => set(i, { from: e.target.value })}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            aria-label={`${t('admin.users.leaveTo')} ${i + 1}`}
            value={p.to}
            onChange={(e) => set(i, { to: e.target.value })}
            style={{ width: 150 }}
          />
          <Input
            aria-label={`${t('admin.users.leaveNote')} ${i + 1}`}
            placeholder={t('admin.users.leaveNote')}
            value={p.note}
            maxLength={200}
            onChange={(e) => set(i, { note: e.target.value })}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={`${t('admin.users.leaveRemove')} ${i + 1}`}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange?.([...value, { from: '', to: '', note: '' }])}
      >
        {t('admin.users.leaveAdd')}
      </Button>
    </Flex>
  );
}
