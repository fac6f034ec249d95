import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/schemas/user';
import { useListAction } from './useListAction';
import type { Directory } from './useLists';
import { useListsClient } from './useLists';

interface Props {
  me: Pick<User, 'id' | 'role' | 'agencyId'>;
  names: Directory;
  onClose: (saved: boolean) => void;
}

/**
 * An officer's declaration of a conflict with an enterprise: an inspector declares their own; a
 * supervisor chooses one of the agency's officers (or themself). The server checks who again.
 */
export function DeclareConflictModal({ me, names, onClose }: Props) {
  const { t } = useTranslation();
  const client = useListsClient();
  const { busy, run } = useListAction();
  const officers =
    me.role === 'supervisor'
      ? names.users
          .filter((u) => u.agencyId === me.agencyId && u.role !== 'admin')
          .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))
      : names.users.filter((u) => u.id === me.id);
  const [officerId, setOfficerId] = useState<string | null>(
    me.role === 'supervisor' ? null : me.id,
  );
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function save() {
    if (officerId === null) return setProblem(t('lists.conflicts.modal.officerRequired'));
    if (enterpriseId === null) return setProblem(t('lists.conflicts.modal.enterpriseRequired'));
    if (reason.trim() === '') return setProblem(t('lists.conflicts.modal.reasonRequired'));
    setProblem(null);
    const saved = await run(
      () => client.declareConflict({ officerId, enterpriseId, reason: reason.trim() }),
      t('lists.conflicts.declared'),
    );
    if (saved) onClose(true);
  }

  return (
    <Modal
      open
      title={t('lists.conflicts.modal.title')}
      okText={t('lists.conflicts.modal.save')}
      cancelText={t('lists.conflicts.modal.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('lists.conflicts.modal.officer')} required>
          <Select<string>
            aria-label={t('lists.conflicts.modal.officer')}
            showSearch
            optionFilterProp="label"
            disabled={me.role !== 'supervisor'}
            value={officerId ?? undefined}
            onChange={setOfficerId}
            options={officers.map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item label={t('lists.conflicts.modal.enterprise')} required>
          <Select<string>
            aria-label={t('lists.conflicts.modal.enterprise')}
            showSearch
            optionFilterProp="label"
            value={enterpriseId ?? undefined}
            onChange={setEnterpriseId}
            options={names.enterprises.map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Form.Item label={t('lists.conflicts.modal.reason')} required>
          <Input.TextArea
            aria-label={t('lists.conflicts.modal.reason')}
            value={reason}
            maxLength={500}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
      </Form>
    </Modal>
  );
}
