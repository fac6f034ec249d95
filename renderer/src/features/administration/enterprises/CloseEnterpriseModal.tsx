import { Flex, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../../domain/rules/calendar-date';
import type { Closure, ClosureKind, Enterprise } from '../../../../../domain/schemas/enterprise';
import { closureSchema } from '../../../../../domain/schemas/enterprise';

interface Props {
  enterprise: Enterprise;
  /** The enterprises it may merge into: the open ones but itself. */
  others: readonly Enterprise[];
  onConfirm: (closure: Closure) => Promise<void>;
  onClose: () => void;
}

/** Closes an enterprise (shut down, or merged into another), after the administrator confirms. */
export function CloseEnterpriseModal({ enterprise, others, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ClosureKind>('shutdown');
  const [date, setDate] = useState(todayInChina(new Date()));
  const [mergedIntoId, setMergedIntoId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const closure = closureSchema.safeParse({
    kind,
    date,
    ...(kind === 'merged' ? { mergedIntoId } : {}),
  });
  return (
    <Modal
      open
      title={t('adminEnterprises.closeTitle', { name: enterprise.name })}
      okText={t('adminEnterprises.closeConfirm')}
      okButtonProps={{ danger: true, disabled: !closure.success, loading: busy }}
      onCancel={onClose}
      onOk={async () => {
        if (!closure.success) return;
        setBusy(true);
        try {
          await onConfirm(closure.data);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('adminEnterprises.closeExplained')}</Typography.Text>
        <Radio.Group
          aria-label={t('adminEnterprises.closureKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ClosureKind)}
          options={[
            { value: 'shutdown', label: t('adminEnterprises.status.shutdown') },
            { value: 'merged', label: t('adminEnterprises.status.merged') },
          ]}
        />
        <Input
          type="date"
          aria-label={t('adminEnterprises.closedOn')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          style={{ width: 180 }}
        />
        {kind === 'merged' ? (
          <Select
            aria-label={t('adminEnterprises.mergedInto')}
            placeholder={t('adminEnterprises.mergedInto')}
            value={mergedIntoId}
            onChange={setMergedIntoId}
            showSearch
            optionFilterProp="label"
            options={others.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
