// Migration 10: drafts of checklist templates. A draft is an administrator's work in progress and
// stays on the server (devices never see it); publishing writes it as a new template record, a
// version of its checklist that never changes again, and removes the draft. One draft per
// checklist at a time, so two administrators do not publish competing next versions.
export const templateDraftsMigration = {
  version: 10,
  name: 'template_drafts: checklist templates being written, before they are published',
  sql: [
    `CREATE TABLE template_drafts (
       id uuid PRIMARY KEY,
       lineage_id uuid,
       based_on uuid,
       revision integer NOT NULL,
       content jsonb NOT NULL,
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE UNIQUE INDEX template_drafts_lineage ON template_drafts (lineage_id)
       WHERE lineage_id IS NOT NULL`,
  ],
};
