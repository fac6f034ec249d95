// Sessions and login attempts stored before migration 6 keep working under it: sessions get the
// default limits counted from their own sign-in, attempts are counted under their address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/src/db/database';
import { migrate, migrations } from '../../../../server/src/db/migrations';
import { openPgliteMemory } from '../../../../server/src/db/pglite';

describe('migration 6 on a database with sessions and login attempts', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteMemory();
    await db.query(
      `CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
         applied_at timestamptz NOT NULL)`,
    );
    for (const migration of migrations.filter((m) => m.version < 6)) {
      await db.transaction(async (tx) => {
        for (const statement of migration.sql) await tx.query(statement);
        await tx.query(`INSERT INTO schema_migrations VALUES ($1, $2, now())`, [
          migration.version,
          migration.name,
        ]);
      });
    }
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, device_id, device_name, created_at, last_seen_at)
       VALUES ('h1', gen_random_uuid(), gen_random_uuid(), 'old laptop',
               '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z')`,
    );
    await db.query(
      `INSERT INTO login_attempts (username, ip, at, succeeded)
       VALUES ('inspector.li', '198.51.100.7', '2026-01-01T00:00:00Z', false)`,
    );
    await migrate(db);
  }, 60_000);
  afterAll(() => db.close());

  it('gives earlier sessions the default limits from their own sign-in', async () => {
    const rows = await db.query<{ expires_at: Date; idle_timeout_seconds: number }>(
      `SELECT expires_at, idle_timeout_seconds FROM sessions WHERE token_hash = 'h1'`,
    );
    expect(rows.map((r) => [new Date(r.expires_at).toISOString(), r.idle_timeout_seconds])).toEqual(
      [['2026-01-31T00:00:00.000Z', 14 * 86_400]],
    );
  });

  it('counts earlier attempts under their address, and lets new ones be undecided', async () => {
    const rows = await db.query<{ network: string }>(`SELECT network FROM login_attempts`);
    expect(rows).toEqual([{ network: '198.51.100.7' }]);
    await db.query(
      `INSERT INTO login_attempts (username, ip, network, at, succeeded)
       VALUES ('inspector.li', '::1', '0:0:0:0::/64', now(), NULL)`,
    );
  });
});
