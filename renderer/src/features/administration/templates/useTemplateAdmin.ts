// The templates screen's data and actions: the checklists on the device (published from HQ and
// pulled by sync), the drafts the server keeps, and the administrator's lifecycle actions, each
// online; a template the server answers with is kept on the device at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { keepAnsweredTemplate, listAllTemplates } from '../../../db/repositories/templates';
import { useProfile } from '../../../session/session-context';
import type { TemplateDraft } from '../../../../../domain/schemas/admin-content';
import { groupChecklists } from './checklist-lineages';
import type { Checklist } from './checklist-lineages';
import { useAdminContent, useRemote } from './useAdminContent';
import type { Remote } from './useAdminContent';

export interface TemplateAdmin {
  /** undefined while the device's database is read. */
  checklists: Checklist[] | undefined;
  drafts: Remote<TemplateDraft[]>;
  reloadDrafts: () => void;
  copy: (templateId: string, title?: string) => Promise<TemplateDraft>;
  revise: (templateId: string) => Promise<TemplateDraft>;
  retire: (templateId: string) => Promise<void>;
  discard: (draft: TemplateDraft) => Promise<void>;
}

export function useTemplateAdmin(): TemplateAdmin {
  const { db } = useProfile();
  const admin = useAdminContent();
  const templates = useLiveQuery(() => listAllTemplates(db), [db]);
  const checklists = useMemo(() => templates && groupChecklists(templates), [templates]);
  const loadDrafts = useCallback(() => admin.listDrafts(), [admin]);
  const { state: drafts, reload: reloadDrafts } = useRemote(loadDrafts);
  return {
    checklists,
    drafts,
    reloadDrafts,
    copy: async (templateId, title) => {
      const draft = await admin.copyTemplate(templateId, title);
      reloadDrafts();
      return draft;
    },
    revise: async (templateId) => {
      const draft = await admin.reviseTemplate(templateId);
      reloadDrafts();
      return draft;
    },
    retire: async (templateId) => {
      await keepAnsweredTemplate(db, await admin.retireTemplate(templateId));
    },
    discard: async (draft) => {
      await admin.discardDraft(draft);
      reloadDrafts();
    },
  };
}
