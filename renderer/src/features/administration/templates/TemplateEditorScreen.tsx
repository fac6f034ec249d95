import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { agencyKinds } from '../../../../../domain/schemas/agency';
import type { AgencyKind } from '../../../../../domain/schemas/agency';
import { RemoteState } from './RemoteState';
import { SaveStatus } from './SaveStatus';
import { SectionEditor } from './SectionEditor';
import { TemplateDiffView } from './TemplateDiffView';
import { TemplatePreview } from './TemplatePreview';
import { edits } from './template-content-edits';
import { messageOf, useAdminContent, useRemote } from './useAdminContent';
import { useDraftEditor } from './useDraftEditor';

const LIST = '/admin/templates';

/** The changes a draft makes to the version it started from, read when the tab opens. */
function DraftChanges({ id }: { id: string }) {
  const admin = useAdminContent();
  const load = useCallback(() => admin.draftDiff(id), [admin, id]);
  const { state, reload } = useRemote(load);
  return (
    <>
      <RemoteState state={state} onRetry={reload} />
      {state.status === 'ready' ? <TemplateDiffView diff={state.data} /> : null}
    </>
  );
}

/** 检查表编辑: one draft's sections and items, saved on the server as they are edited. */
export function TemplateEditorScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const editor = useDraftEditor(id);
  const { content, change, save } = editor;

  if (editor.loaded.status !== 'ready' || !content) {
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={3}>{t('adminTemplates.editorTitle')}</Typography.Title>
        <RemoteState state={editor.loaded} onRetry={editor.reload} />
      </Flex>
    );
  }

  const publish = () =>
    void modal.confirm({
      title: t('adminTemplates.publishConfirm', { title: content.title }),
      content: t('adminTemplates.publishExplained'),
      okText: t('adminTemplates.publish'),
      onOk: async () => {
        try {
          const template = await editor.publish();
          if (!template) return;
          void message.success(t('adminTemplates.published', { edition: template.edition ?? 1 }));
          void navigate(LIST);
        } catch (error) {
          void message.error(t('adminTemplates.actionFailed', { message: messageOf(error) }));
        }
      },
    });
  const discard = () =>
    void modal.confirm({
      title: t('adminTemplates.discardConfirm', { title: content.title }),
      okText: t('adminTemplates.discard'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await editor.discard();
          void navigate(LIST);
        } catch (error) {
          void message.error(t('adminTemplates.actionFailed', { message: messageOf(error) }));
        }
      },
    });

  const editTab = (
    <Flex vertical gap={12}>
      {content.sections.map((_, s) => (
        <SectionEditor key={s} content={content} index={s} onChange={change} />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          change(
            edits.addSection(
              content,
              t('adminTemplates.newSection', { n: content.sections.length + 1 }),
            ),
          )
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('adminTemplates.addSection')}
      </Button>
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('adminTemplates.editorTitle')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <SaveStatus
            save={
              save.status === 'invalid' || save.status === 'failed' || save.status === 'offline'
                ? { status: 'pending' }
                : save
            }
          />
          <Button onClick={() => void editor.flush()}>{t('adminTemplates.saveNow')}</Button>
          <Button danger onClick={discard}>
            {t('adminTemplates.discard')}
          </Button>
          <Button type="primary" onClick={publish}>
            {t('adminTemplates.publish')}
          </Button>
        </Flex>
      </Flex>
      {save.status === 'invalid' || save.status === 'failed' || save.status === 'offline' ? (
        <SaveStatus save={save} />
      ) : null}
      <Flex gap={8} wrap>
        <Input
          aria-label={t('adminTemplates.templateTitle')}
          value={content.title}
          maxLength={200}
          onChange={(e) => change({ ...content, title: e.target.value })}
          style={{ flex: '1 1 360px' }}
        />
        <Select<AgencyKind>
          aria-label={t('adminTemplates.agencyKind')}
          value={content.agencyKind}
          onChange={(agencyKind) => change({ ...content, agencyKind })}
          options={agencyKinds.map((k) => ({
            value: k,
            label: t(`adminTemplates.agencyKinds.${k}`),
          }))}
          style={{ width: 180 }}
        />
      </Flex>
      <Tabs
        items={[
          { key: 'edit', label: t('adminTemplates.tabEdit'), children: editTab },
          {
            key: 'preview',
            label: t('adminTemplates.preview'),
            children: <TemplatePreview content={content} />,
          },
          {
            key: 'changes',
            label: t('adminTemplates.tabChanges'),
            children: <DraftChanges key={editor.draft?.revision} id={id} />,
            destroyOnHidden: true,
          },
        ]}
      />
    </Flex>
  );
}
