// Fills an empty database with the demo district. Never touches a database that holds any record
// (real data is never mixed with demo data), so running it twice adds nothing. Callers decide
// whether demo accounts may exist at all: the server only calls this with FI_DEMO=1.
import type { Role } from '../../../domain/schemas/user';
import { hashPassword } from '../auth/passwords';
import type { Database, Queryable } from '../db/database';
import { DEMO_DISTRICT } from '../../../domain/data/towns';
import { saveDistrict } from '../district/district-store';
import { ensureBuiltInTemplatesIn } from '../statutory/built-in-templates';
import { writeRecords } from '../sync/record-store';
import { setPasswordHash } from '../users/user-store';
import type { DemoDistrict } from './demo-district';
import { buildDemoDistrict } from './demo-district';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface SeedResult {
  /** False when the database already held records and was left alone. */
  seeded: boolean;
  /** The demo accounts the database holds (none when it holds real data only). */
  accounts: DemoAccount[];
  counts: Record<string, number>;
}

function accountsOf(district: DemoDistrict): DemoAccount[] {
  return district.users.map(({ record, password }) => ({
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    password,
  }));
}

/**
 * What a database that already holds records answers: no seeding, and only the demo accounts it
 * really holds (it was seeded earlier). Undefined when the database is empty.
 */
async function earlierSeed(
  q: Queryable,
  district: DemoDistrict,
  accounts: DemoAccount[],
): Promise<SeedResult | undefined> {
  // The statutory content every installation holds is no data of a district.
  const [existing] = await q.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM records
       WHERE NOT (entity = 'template' AND data->>'builtIn' = 'true')) AS any`,
  );
  if (!existing?.any) return undefined;
  const present = await q.query<{ id: string }>(
    `SELECT id::text AS id FROM records WHERE entity = 'user'
     AND id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(district.users.map((u) => u.record.id))],
  );
  const ids = new Set(present.map((r) => r.id));
  const kept = accounts.filter((_, i) => ids.has(district.users[i]?.record.id ?? ''));
  return { seeded: false, accounts: kept, counts: {} };
}

/** Inserts `district` in one transaction, unless the database already holds records. */
export async function seedDistrict(
  db: Database,
  district: DemoDistrict,
  now: Date,
): Promise<SeedResult> {
  const accounts = accountsOf(district);
  // Most starts find the district there already: answer before hashing, which is slow and takes
  // tens of MB a password on purpose.
  const earlier = await earlierSeed(db, district, accounts);
  if (earlier) return earlier;
  // Hash before taking the write lock.
  const hashes = await Promise.all(district.users.map((u) => hashPassword(u.password)));
  return db.transaction(async (tx): Promise<SeedResult> => {
    // The state row lock makes a concurrent seeder (a second server process) wait, then see rows.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    const seededMeanwhile = await earlierSeed(tx, district, accounts);
    if (seededMeanwhile) return seededMeanwhile;

    const admin = district.users.find((u) => u.record.role === 'admin');
    await saveDistrict(
      tx,
      DEMO_DISTRICT,
      admin?.record.id ?? district.users[0]?.record.id ?? '',
      now,
    );
    const base = await writeRecords(tx, [
      ...district.towns.map((data) => ({ entity: 'town' as const, data })),
      ...district.agencies.map((data) => ({ entity: 'agency' as const, data })),
      ...district.users.map((u) => ({ entity: 'user' as const, data: u.record })),
      ...district.templates
        .filter((t) => t.builtIn !== true)
        .map((data) => ({ entity: 'template' as const, data })),
    ]);
    // An inspection names the exact template version it used: the one just assigned, or the
    // built-in checklist's as the server holds it.
    const templateVersions = new Map([
      ...(await ensureBuiltInTemplatesIn(tx, now)),
      ...base.filter((r) => r.entity === 'template').map((r) => [r.id, r.version] as const),
    ]);
    // Enterprises with their inspections: an enterprise written before an inspection whose
    // officers are from other towns would be given a new version for them (participants.ts).
    await writeRecords(tx, [
      ...district.enterprises.map((data) => ({ entity: 'enterprise' as const, data })),
      ...district.inspections.map((data) => ({
        entity: 'inspection' as const,
        data: {
          ...data,
          templateVersion: templateVersions.get(data.templateId) ?? data.templateVersion,
        },
      })),
    ]);
    await writeRecords(
      tx,
      district.findings.map((data) => ({ entity: 'finding' as const, data })),
    );
    for (const [i, user] of district.users.entries()) {
      await setPasswordHash(tx, user.record.id, hashes[i] as string, now);
    }
    return {
      seeded: true,
      accounts,
      counts: {
        towns: district.towns.length,
        agencies: district.agencies.length,
        users: district.users.length,
        enterprises: district.enterprises.length,
        templates: district.templates.length,
        inspections: district.inspections.length,
        findings: district.findings.length,
      },
    };
  });
}

/** The demo district as of `now`, into an empty database. */
export function seedDemoDistrict(db: Database, now: Date): Promise<SeedResult> {
  return seedDistrict(db, buildDemoDistrict(now), now);
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.username.length));
  return [
    'Demo accounts (the passwords stay valid unless an administrator reset them):',
    ...accounts.map(
      (a) => `  ${a.username.padEnd(width)}  ${a.password}  (${a.role}, ${a.displayName})`,
    ),
  ].join('\n');
}
