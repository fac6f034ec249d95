// Migration 15: supervisors' overrides of enterprises' risk classes in their agency's
// inspection-target list, held on the server (written through /risk-overrides, never synced).
// One row per override with its domain JSON; at most one in force per agency and enterprise,
// held by the database against two supervisors overriding the same enterprise at once (a new
// override withdraws the one it replaces in the same transaction).
export const riskOverridesMigration = {
  version: 15,
  name: 'risk_overrides: supervisors’ overrides of risk classes in the target list',
  sql: [
    `CREATE TABLE risk_overrides (
       id uuid PRIMARY KEY,
       agency_id uuid NOT NULL,
       enterprise_id uuid NOT NULL,
       data jsonb NOT NULL,
       withdrawn_at timestamptz,
       withdrawn_by uuid
     )`,
    `CREATE UNIQUE INDEX risk_overrides_one_in_force ON risk_overrides (agency_id, enterprise_id)
       WHERE withdrawn_at IS NULL`,
  ],
};
