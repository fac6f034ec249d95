// One template draft being edited: read from the server, changed locally, and saved back to the
// server a moment after each change (and before publishing) so that work is not lost; a save the
// server refuses or cannot receive keeps the local content and says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TemplateDraft } from '../../../../../domain/schemas/admin-content';
import type { ChecklistTemplate, TemplateContent } from '../../../../../domain/schemas/template';
import { keepAnsweredTemplate } from '../../../db/repositories/templates';
import { useProfile } from '../../../session/session-context';
import { contentProblems } from './template-content-edits';
import type { ContentProblem } from './template-content-edits';
import { failureOf, isOffline, useAdminContent, useRemote } from './useAdminContent';
import type { Remote } from './useAdminContent';

/** How long typing pauses before the draft is saved. */
const SAVE_AFTER_MS = 1500;

export type SaveState =
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'invalid'; problems: ContentProblem[] }
  | { status: 'offline' }
  | { status: 'failed'; message: string };

export interface DraftEditor {
  loaded: Remote<TemplateDraft>;
  reload: () => void;
  content: TemplateContent | undefined;
  change: (next: TemplateContent) => void;
  save: SaveState;
  /** Saves what is unsaved now; true when the server holds the content shown. */
  flush: () => Promise<boolean>;
  publish: () => Promise<ChecklistTemplate | null>;
  discard: () => Promise<void>;
  /** The draft as the server last saved it (for its revision and the base it started from). */
  draft: TemplateDraft | undefined;
}

export function useDraftEditor(id: string): DraftEditor {
  const admin = useAdminContent();
  const { db } = useProfile();
  const load = useCallback(async () => {
    const found = (await admin.listDrafts()).find((d) => d.id === id);
    if (!found) throw new Error('not_found');
    return found;
  }, [admin, id]);
  const { state: loaded, reload } = useRemote(load);
  const [content, setContent] = useState<TemplateContent>();
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  // The latest saved draft and the content not yet saved, read by timers and flush.
  const saved = useRef<TemplateDraft | undefined>(undefined);
  const unsaved = useRef<TemplateContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [draft, setDraft] = useState<TemplateDraft>();

  useEffect(() => {
    if (loaded.status !== 'ready') return;
    saved.current = loaded.data;
    unsaved.current = null;
    setDraft(loaded.data);
    setContent(loaded.data.content);
    setSave({ status: 'saved' });
  }, [loaded]);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    const next = unsaved.current;
    const base = saved.current;
    if (!next || !base) return next === null;
    const problems = contentProblems(next);
    if (problems.length > 0) {
      setSave({ status: 'invalid', problems });
      return false;
    }
    setSave({ status: 'saving' });
    try {
      const answer = await admin.saveDraft(base, next);
      saved.current = answer;
      setDraft(answer);
      // Typing during the save stays unsaved and is saved next.
      if (unsaved.current === next) {
        unsaved.current = null;
        setSave({ status: 'saved' });
        return true;
      }
      setSave({ status: 'pending' });
      return flush();
    } catch (error) {
      const failed = failureOf(error);
      setSave(
        isOffline(error)
          ? { status: 'offline' }
          : { status: 'failed', message: failed.status === 'failed' ? failed.message : '' },
      );
      return false;
    }
  }, [admin]);

  const change = useCallback(
    (next: TemplateContent) => {
      setContent(next);
      unsaved.current = next;
      setSave({ status: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );
  // Leaving the editor saves what the pause had not saved yet, so no edit is left behind.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (unsaved.current) void flushRef.current();
    },
    [],
  );

  return {
    loaded,
    reload,
    content,
    change,
    save,
    flush,
    draft,
    publish: async () => {
      if (!(await flush()) || !saved.current) return null;
      const template = await admin.publishDraft(saved.current);
      await keepAnsweredTemplate(db, template);
      return template;
    },
    discard: async () => {
      clearTimeout(timer.current);
      unsaved.current = null;
      if (saved.current) await admin.discardDraft(saved.current);
    },
  };
}
