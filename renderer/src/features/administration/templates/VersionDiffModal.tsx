import { Flex, Modal, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editionOf } from '../../../../../domain/rules/template-versions';
import { formatDateTime } from '../../common/format-date';
import type { Checklist } from './checklist-lineages';
import { RemoteState } from './RemoteState';
import { TemplateDiffView } from './TemplateDiffView';
import { useAdminContent, useRemote } from './useAdminContent';

interface Props {
  checklist: Checklist;
  onClose: () => void;
}

/** The differences between two versions of one checklist, as the server compares them. */
export function VersionDiffModal({ checklist, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const admin = useAdminContent();
  const { versions } = checklist;
  const [toId, setToId] = useState(versions[0]?.id ?? '');
  const [fromId, setFromId] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const load = useCallback(() => admin.templateDiff(fromId, toId), [admin, fromId, toId]);
  const { state, reload } = useRemote(load);
  const options = versions.map((v) => ({
    value: v.id,
    label: t('adminTemplates.versionLabel', {
      edition: editionOf(v),
      date: formatDateTime(v.publishedAt ?? v.updatedAt, i18n.language),
    }),
  }));
  return (
    <Modal
      open
      title={t('adminTemplates.diffTitle', { title: checklist.latest.title })}
      onCancel={onClose}
      footer={null}
      width={760}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('adminTemplates.diffFrom')}
          value={fromId}
          onChange={setFromId}
          options={options}
          style={{ width: 300 }}
        />
        <Select
          aria-label={t('adminTemplates.diffTo')}
          value={toId}
          onChange={setToId}
          options={options}
          style={{ width: 300 }}
        />
      </Flex>
      <RemoteState state={state} onRetry={reload} />
      {state.status === 'ready' ? <TemplateDiffView diff={state.data} /> : null}
    </Modal>
  );
}
