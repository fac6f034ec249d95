// Drafts of checklist templates (migration 10), kept on the server until published: reading,
// inserting, updating and removing the rows. The lifecycle's rules are template-admin.ts's.
import type { TemplateDraft } from '../../../domain/schemas/admin-content';
import { templateContentSchema } from '../../../domain/schemas/template';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

export type { TemplateDraft };

interface DraftRow {
  id: string;
  lineage_id: string | null;
  based_on: string | null;
  revision: number;
  content: unknown;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = `id::text AS id, lineage_id::text AS lineage_id, based_on::text AS based_on,
  revision, content, created_by::text AS created_by, created_at, updated_at`;

const draftOf = (r: DraftRow): TemplateDraft => ({
  id: r.id,
  lineageId: r.lineage_id,
  basedOn: r.based_on,
  revision: Number(r.revision),
  content: templateContentSchema.parse(r.content),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listDrafts(db: Queryable): Promise<TemplateDraft[]> {
  const rows = await db.query<DraftRow>(
    `SELECT ${COLUMNS} FROM template_drafts ORDER BY updated_at DESC, id`,
  );
  return rows.map(draftOf);
}

/** The draft, locked for the rest of the transaction; 404 when there is none. */
export async function lockDraft(tx: Queryable, id: string): Promise<TemplateDraft> {
  const [row] = await tx.query<DraftRow>(
    `SELECT ${COLUMNS} FROM template_drafts WHERE id = $1::uuid FOR UPDATE`,
    [id],
  );
  if (!row) throw new ApiError(404, 'not_found', 'There is no such template draft.');
  return draftOf(row);
}

export async function draftOfLineage(tx: Queryable, lineageId: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM template_drafts WHERE lineage_id = $1::uuid',
    [lineageId],
  );
  return row?.id ?? null;
}

export async function insertDraft(tx: Queryable, draft: TemplateDraft): Promise<void> {
  await tx.query(
    `INSERT INTO template_drafts (id, lineage_id, based_on, revision, content, created_by,
       created_at, updated_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::jsonb, $6::uuid, $7::timestamptz, $8::timestamptz)`,
    [
      draft.id,
      draft.lineageId,
      draft.basedOn,
      draft.revision,
      JSON.stringify(draft.content),
      draft.createdBy,
      draft.createdAt,
      draft.updatedAt,
    ],
  );
}

export async function updateDraft(tx: Queryable, draft: TemplateDraft): Promise<void> {
  await tx.query(
    `UPDATE template_drafts SET revision = $2, content = $3::jsonb, updated_at = $4::timestamptz
     WHERE id = $1::uuid`,
    [draft.id, draft.revision, JSON.stringify(draft.content), draft.updatedAt],
  );
}

export async function deleteDraft(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM template_drafts WHERE id = $1::uuid', [id]);
}
