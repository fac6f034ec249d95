// Migration 12: annual plans and draws, held on the server (written through /plans, never
// synced). Each plan version is a row; each draw keeps its record and the inputs it was run on,
// so that anyone may re-run it. The indexes make the rules of a draw's history hold under
// concurrent requests: one first draw per period, each draw replaced at most once (so redraws
// form a chain), and one draw per idempotency key. Officers' declared conflicts are kept for the
// draws to avoid; `task_assignees` lets an officer pull the tasks they are sent on.
export const plansDrawsMigration = {
  version: 12,
  name: "annual plans, draws, officers' declared conflicts and task assignees",
  sql: [
    `CREATE TABLE plans (
       id uuid PRIMARY KEY,
       agency_id uuid NOT NULL,
       year integer NOT NULL,
       revision integer NOT NULL,
       status text NOT NULL,
       data jsonb NOT NULL,
       UNIQUE (agency_id, year, revision)
     )`,
    `CREATE UNIQUE INDEX plans_one_draft ON plans (agency_id, year) WHERE status = 'draft'`,
    `CREATE TABLE draws (
       id uuid PRIMARY KEY,
       agency_id uuid NOT NULL,
       year integer NOT NULL,
       period_key text NOT NULL,
       redraw_of uuid UNIQUE REFERENCES draws (id),
       idempotency_key uuid NOT NULL,
       request_hash text NOT NULL,
       record jsonb NOT NULL,
       input jsonb NOT NULL,
       drawn_at timestamptz NOT NULL,
       UNIQUE (agency_id, idempotency_key)
     )`,
    `CREATE UNIQUE INDEX draws_first_of_period ON draws (agency_id, year, period_key)
       WHERE redraw_of IS NULL`,
    // Officers' declared conflicts with enterprises (回避), in force until withdrawn.
    `CREATE TABLE officer_conflicts (
       id uuid PRIMARY KEY,
       officer_id uuid NOT NULL,
       enterprise_id uuid NOT NULL,
       data jsonb NOT NULL,
       withdrawn_at timestamptz
     )`,
    `CREATE INDEX officer_conflicts_officer ON officer_conflicts (officer_id)`,
    `CREATE TABLE task_assignees (
       user_id uuid NOT NULL,
       task_id uuid NOT NULL,
       PRIMARY KEY (user_id, task_id)
     )`,
  ],
};
