import { App, Card, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TemplateDraft } from '../../../../../domain/schemas/admin-content';
import { ListState } from '../../common/ListState';
import type { Checklist } from './checklist-lineages';
import { ChecklistTable } from './ChecklistTable';
import { DraftTable } from './DraftTable';
import { RemoteState } from './RemoteState';
import { TemplatePreview } from './TemplatePreview';
import { VersionDiffModal } from './VersionDiffModal';
import { messageOf } from './useAdminContent';
import { useTemplateAdmin } from './useTemplateAdmin';

export const draftPath = (id: string) => `/admin/templates/drafts/${id}`;

/** 检查表管理: the checklists, their versions and drafts, online only. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const admin = useTemplateAdmin();
  const [preview, setPreview] = useState<Checklist | null>(null);
  const [diff, setDiff] = useState<Checklist | null>(null);
  const online = admin.drafts.status === 'ready';

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
    } catch (error) {
      void message.error(t('adminTemplates.actionFailed', { message: messageOf(error) }));
    }
  };
  const open = (draft: TemplateDraft) => void navigate(draftPath(draft.id));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('adminTemplates.title')}</Typography.Title>
      <RemoteState state={admin.drafts} onRetry={admin.reloadDrafts} />
      {admin.drafts.status === 'ready' && admin.drafts.data.length > 0 ? (
        <Card size="small" title={t('adminTemplates.drafts')}>
          <DraftTable
            drafts={admin.drafts.data}
            onEdit={open}
            onDiscard={(draft) =>
              void modal.confirm({
                title: t('adminTemplates.discardConfirm', { title: draft.content.title }),
                okText: t('adminTemplates.discard'),
                okButtonProps: { danger: true },
                onOk: () => run(() => admin.discard(draft), t('adminTemplates.discarded')),
              })
            }
          />
        </Card>
      ) : null}
      <ListState rows={admin.checklists} empty={t('adminTemplates.empty')}>
        {(checklists) => (
          <ChecklistTable
            checklists={checklists}
            online={online}
            onPreview={setPreview}
            onDiff={setDiff}
            onCopy={(c) => void run(async () => open(await admin.copy(c.latest.id)))}
            onRevise={(c) => void run(async () => open(await admin.revise(c.latest.id)))}
            onRetire={(c) =>
              void modal.confirm({
                title: t('adminTemplates.retireConfirm', { title: c.latest.title }),
                content: t('adminTemplates.retireExplained'),
                okText: t('adminTemplates.retire'),
                okButtonProps: { danger: true },
                onOk: () => run(() => admin.retire(c.latest.id), t('adminTemplates.retired')),
              })
            }
          />
        )}
      </ListState>
      {preview ? (
        <Modal
          open
          title={t('adminTemplates.preview')}
          onCancel={() => setPreview(null)}
          footer={null}
          width={760}
        >
          <div style={{ maxHeight: 520, overflowY: 'auto' }}>
            <TemplatePreview content={preview.latest} />
          </div>
        </Modal>
      ) : null}
      {diff ? <VersionDiffModal checklist={diff} onClose={() => setDiff(null)} /> : null}
    </Flex>
  );
}
