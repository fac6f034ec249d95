import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskClass } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';
import { overrideChoices } from './target-list-view';
import { useListAction } from './useListAction';
import { useListsClient } from './useLists';

interface Props {
  row: TargetRow;
  onClose: (saved: boolean) => void;
}

/** A supervisor's override of one enterprise's class: the class and the reason. */
export function OverrideModal({ row, onClose }: Props) {
  const { t } = useTranslation();
  const client = useListsClient();
  const { busy, run } = useListAction();
  const [riskClass, setRiskClass] = useState<RiskClass | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
    if (riskClass === null) return setProblem(t('lists.target.modal.classRequired'));
    if (reason.trim() === '') return setProblem(t('lists.target.modal.reasonRequired'));
    setProblem(null);
    const saved = await run(
      () =>
        client.override({
          enterpriseId: row.enterpriseId,
          riskClass,
          computedClass: row.computedClass,
          reason: reason.trim(),
        }),
      t('lists.target.saved'),
    );
    if (saved) onClose(true);
  }

  return (
    <Modal
      open
      title={t('lists.target.overrideNamed', { name: row.name })}
      okText={t('lists.target.modal.save')}
      cancelText={t('lists.target.modal.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('lists.target.modal.computedNote', {
            computed: t(`lists.riskClass.${row.computedClass}`),
            score: row.score,
          })}
        />
        <Form.Item label={t('lists.target.modal.riskClass')} required>
          <Select<RiskClass>
            aria-label={t('lists.target.modal.riskClass')}
            value={riskClass ?? undefined}
            onChange={setRiskClass}
            options={overrideChoices(row.computedClass, riskClasses).map((c) => ({
              value: c,
              label: t(`lists.riskClass.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('lists.target.modal.reason')}
          required
          extra={t('lists.target.modal.reasonHelp')}
        >
          <Input.TextArea
            aria-label={t('lists.target.modal.reason')}
            value={reason}
            maxLength={1000}
            rows={4}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
