// The lifecycle of checklist templates, for administrators: a draft is started as a copy of any
// template (a built-in one included: that is how a bureau makes its own) or as the next version
// of a checklist; it is edited on the server, then published as a new template record that never
// changes again (devices pull it; inspections that began with an earlier version keep theirs);
// a checklist is retired so it is no longer offered. Built-in checklists are read-only. Every
// action is written with its audit entry in one transaction that holds the global write lock.
import { v7 as uuidv7 } from 'uuid';
import type { TemplateDiff } from '../../../domain/rules/template-versions';
import {
  diffTemplates,
  editionOf,
  latestVersions,
  lineageOf,
  templateContentProblems,
} from '../../../domain/rules/template-versions';
import type { ChecklistTemplate, TemplateContent } from '../../../domain/schemas/template';
import { templateSchema } from '../../../domain/schemas/template';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { appendHistory } from '../sync/history';
import { writeRecords } from '../sync/record-store';
import type { AuditEntry } from './audit-log';
import { recordAdminAction } from './audit-log';
import type { TemplateDraft } from './template-drafts';
import {
  deleteDraft,
  draftOfLineage,
  insertDraft,
  lockDraft,
  updateDraft,
} from './template-drafts';

const lockAll = (tx: Queryable) => tx.query('SELECT version FROM sync_state FOR UPDATE');

async function readTemplate(db: Queryable, id: string): Promise<ChecklistTemplate> {
  const [row] = await db.query<{ data: unknown }>(
    "SELECT data FROM records WHERE entity = 'template' AND id = $1::uuid AND deleted_at IS NULL",
    [id],
  );
  if (!row) throw new ApiError(404, 'not_found', 'There is no such checklist template.');
  return templateSchema.parse(row.data);
}

/** Every version of the template's checklist. */
async function versionsOf(tx: Queryable, template: ChecklistTemplate) {
  const lineage = lineageOf(template);
  const rows = await tx.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'template' AND deleted_at IS NULL
       AND (id = $1::uuid OR data->>'lineageId' = $2)`,
    [lineage, lineage],
  );
  return rows.map((r) => templateSchema.parse(r.data));
}

async function latestOf(tx: Queryable, template: ChecklistTemplate): Promise<ChecklistTemplate> {
  const [latest] = latestVersions(await versionsOf(tx, template));
  return latest ?? template;
}

const builtInReadOnly = () =>
  new ApiError(
    409,
    'built_in_read_only',
    'A built-in checklist is read-only: copy it to make your own.',
  );

const audit = (
  tx: Queryable,
  admin: User,
  action: string,
  targetId: string,
  now: Date,
  extra: Pick<AuditEntry, 'before' | 'after'>,
) =>
  recordAdminAction(
    tx,
    { actorId: admin.id, action, targetKind: 'template', targetId, ...extra },
    now,
  );

const contentOf = (t: ChecklistTemplate): TemplateContent => ({
  agencyKind: t.agencyKind,
  title: t.title,
  sections: t.sections,
});

/** A new draft: a copy (a checklist of one's own) or the next version of the template's checklist. */
export function startDraft(
  db: Database,
  admin: User,
  fromId: string,
  mode: 'copy' | 'revise',
  title: string | undefined,
  now: Date,
): Promise<TemplateDraft> {
  return db.transaction(async (tx) => {
    await lockAll(tx);
    const from = await readTemplate(tx, fromId);
    let lineageId: string | null = null;
    if (mode === 'revise') {
      if (from.builtIn) throw builtInReadOnly();
      const latest = await latestOf(tx, from);
      if (latest.id !== from.id) {
        throw new ApiError(
          409,
          'not_latest_version',
          `A newer version of this checklist exists (edition ${String(editionOf(latest))}): start from it.`,
        );
      }
      if (latest.status === 'retired') {
        throw new ApiError(409, 'template_retired', 'This checklist is retired.');
      }
      lineageId = lineageOf(from);
      const open = await draftOfLineage(tx, lineageId);
      if (open) {
        throw new ApiError(
          409,
          'draft_exists',
          `This checklist already has a draft (${open}): edit or discard it first.`,
        );
      }
    }
    const at = now.toISOString();
    const content = contentOf(from);
    const draft: TemplateDraft = {
      id: uuidv7(),
      lineageId,
      basedOn: from.id,
      revision: 1,
      content: title === undefined ? content : { ...content, title },
      createdBy: admin.id,
      createdAt: at,
      updatedAt: at,
    };
    await insertDraft(tx, draft);
    await audit(tx, admin, mode === 'copy' ? 'template.copy' : 'template.revise', draft.id, now, {
      after: { from: from.id, lineageId, title: draft.content.title },
    });
    return draft;
  });
}

function requireRevision(draft: TemplateDraft, revision: number) {
  if (draft.revision !== revision) {
    throw new ApiError(
      409,
      'changed_since',
      `The draft has changed since revision ${String(revision)} (it is at ${String(draft.revision)}); reload it.`,
    );
  }
}

function requirePublishable(content: TemplateContent) {
  const problems = templateContentProblems(content);
  if (problems.length === 0) return;
  throw new ApiError(
    400,
    'invalid_template',
    problems
      .map((p) =>
        p.code === 'duplicateItemId'
          ? `item id ${p.value} is used twice`
          : `section "${p.value}" appears twice`,
      )
      .join('; '),
  );
}

export function editDraft(
  db: Database,
  admin: User,
  id: string,
  revision: number,
  content: TemplateContent,
  now: Date,
): Promise<TemplateDraft> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    requireRevision(draft, revision);
    requirePublishable(content);
    const edited = {
      ...draft,
      content,
      revision: draft.revision + 1,
      updatedAt: now.toISOString(),
    };
    await updateDraft(tx, edited);
    await audit(tx, admin, 'template.editDraft', id, now, {
      before: draft.content,
      after: content,
    });
    return edited;
  });
}

export function discardDraft(
  db: Database,
  admin: User,
  id: string,
  revision: number,
  now: Date,
): Promise<void> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    requireRevision(draft, revision);
    await deleteDraft(tx, id);
    await audit(tx, admin, 'template.discardDraft', id, now, { before: draft.content });
  });
}

async function writeTemplate(
  tx: Queryable,
  admin: User,
  before: ChecklistTemplate | undefined,
  after: ChecklistTemplate,
  now: Date,
): Promise<ChecklistTemplate> {
  const [written] = await writeRecords(tx, [{ entity: 'template', data: after }]);
  if (!written) throw new Error('writeRecords wrote nothing');
  await appendHistory(tx, [
    {
      entity: 'template',
      id: after.id,
      version: written.version,
      userId: admin.id,
      deviceId: null,
      mid: null,
      at: now.toISOString(),
      before: before ? { status: before.status ?? 'published' } : null,
      after: before ? { status: after.status ?? 'published' } : null,
    },
  ]);
  return templateSchema.parse(written.data);
}

/** Publishes the draft as a new, immutable version of its checklist, and removes the draft. */
export function publishDraft(
  db: Database,
  admin: User,
  id: string,
  revision: number,
  now: Date,
): Promise<ChecklistTemplate> {
  return db.transaction(async (tx) => {
    await lockAll(tx);
    const draft = await lockDraft(tx, id);
    requireRevision(draft, revision);
    requirePublishable(draft.content);
    const newId = uuidv7();
    let lineage = { lineageId: newId, edition: 1 };
    if (draft.lineageId !== null) {
      const base = await readTemplate(tx, draft.basedOn ?? draft.lineageId);
      const latest = await latestOf(tx, base);
      // Checked again here: the checklist may have been retired, or another version published,
      // since the draft was started.
      if (latest.builtIn) throw builtInReadOnly();
      if (latest.status === 'retired') {
        throw new ApiError(409, 'template_retired', 'This checklist has been retired since.');
      }
      if (latest.id !== draft.basedOn) {
        throw new ApiError(409, 'not_latest_version', 'Another version was published since.');
      }
      lineage = { lineageId: draft.lineageId, edition: editionOf(latest) + 1 };
    }
    const at = now.toISOString();
    const record: ChecklistTemplate = {
      id: newId,
      version: 0,
      updatedAt: at,
      deletedAt: null,
      createdBy: admin.id,
      ...draft.content,
      ...lineage,
      status: 'published',
      builtIn: false,
      publishedAt: at,
    };
    const published = await writeTemplate(tx, admin, undefined, record, now);
    await deleteDraft(tx, id);
    await audit(tx, admin, 'template.publish', published.id, now, {
      after: { draftId: id, ...lineage, title: record.title },
    });
    return published;
  });
}

/** Retires a checklist (its latest version): no longer offered for new inspections. */
export function retireTemplate(
  db: Database,
  admin: User,
  id: string,
  now: Date,
): Promise<ChecklistTemplate> {
  return db.transaction(async (tx) => {
    await lockAll(tx);
    const template = await readTemplate(tx, id);
    if (template.builtIn) throw builtInReadOnly();
    const latest = await latestOf(tx, template);
    if (latest.id !== template.id) {
      throw new ApiError(409, 'not_latest_version', 'Retire the latest version of the checklist.');
    }
    if (template.status === 'retired') {
      throw new ApiError(409, 'already_retired', 'This checklist is retired already.');
    }
    const after: ChecklistTemplate = {
      ...template,
      status: 'retired',
      updatedAt: now.toISOString(),
    };
    const retired = await writeTemplate(tx, admin, template, after, now);
    await audit(tx, admin, 'template.retire', id, now, {
      before: { status: 'published' },
      after: { status: 'retired' },
    });
    return retired;
  });
}

/** What changed between two template versions (any two templates, by id). */
export async function templateDiff(
  db: Queryable,
  fromId: string,
  toId: string,
): Promise<TemplateDiff> {
  const [from, to] = await Promise.all([readTemplate(db, fromId), readTemplate(db, toId)]);
  return diffTemplates(from, to);
}

/** What a draft changes from the version it started from. */
export async function draftDiff(db: Database, id: string): Promise<TemplateDiff> {
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, id);
    const base = draft.basedOn ? await readTemplate(tx, draft.basedOn) : undefined;
    return diffTemplates(
      base ? contentOf(base) : { ...draft.content, sections: [] },
      draft.content,
    );
  });
}
