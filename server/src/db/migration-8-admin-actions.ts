// Migration 8: the audit log of administrative actions. A record's own changes are in `history`;
// this log holds what an administrator did (a user created or deactivated, a session revoked, a
// wipe ordered, an import confirmed), with the state before and after as the action saw it.
// Rows are only ever inserted.
export const adminActionsMigration = {
  version: 8,
  name: 'admin_actions: the audit log of administrative actions',
  sql: [
    `CREATE TABLE admin_actions (
       id bigserial PRIMARY KEY,
       at timestamptz NOT NULL,
       actor_id uuid NOT NULL,
       action text NOT NULL,
       target_kind text NOT NULL,
       target_id text,
       before jsonb,
       after jsonb
     )`,
    `CREATE INDEX admin_actions_at ON admin_actions (at)`,
    `CREATE INDEX admin_actions_actor_at ON admin_actions (actor_id, at)`,
    `CREATE INDEX admin_actions_target ON admin_actions (target_kind, target_id)`,
  ],
};
