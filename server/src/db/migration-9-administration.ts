// Migration 9: what running a district needs beyond its records. The district a server serves
// (set once, by first-run setup); one code per town; accounts an administrator has deactivated or
// whose first password must be changed; and, per device, what administrators see and order: when
// it last synced and how many changes it last said it still held, whether it was revoked, and a
// wipe ordered and acknowledged.
export const administrationMigration = {
  version: 9,
  name: 'district, town codes, account states, device administration',
  sql: [
    `CREATE TABLE district (
       singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
       name text NOT NULL,
       code text NOT NULL,
       initialised_at timestamptz NOT NULL,
       initialised_by uuid NOT NULL
     )`,
    // Users and enterprises name towns by code: two towns with one code would be one town.
    `CREATE UNIQUE INDEX records_town_code ON records ((data->>'code')) WHERE entity = 'town'`,
    `ALTER TABLE credentials ADD COLUMN must_change boolean NOT NULL DEFAULT false`,
    // A deactivated user keeps their records and history; reactivating removes the row (the audit
    // log keeps both actions).
    `CREATE TABLE deactivated_users (
       user_id uuid PRIMARY KEY,
       at timestamptz NOT NULL,
       by uuid NOT NULL
     )`,
    `ALTER TABLE devices ADD COLUMN last_sync_at timestamptz`,
    `ALTER TABLE devices ADD COLUMN unsent_count integer`,
    `ALTER TABLE devices ADD COLUMN unsent_reported_at timestamptz`,
    `ALTER TABLE devices ADD COLUMN revoked_at timestamptz`,
    `ALTER TABLE devices ADD COLUMN wipe_ordered_at timestamptz`,
    `ALTER TABLE devices ADD COLUMN wipe_ordered_by uuid`,
    `ALTER TABLE devices ADD COLUMN wiped_at timestamptz`,
  ],
};
