import { afterEach, describe, expect, it } from 'vitest';
import { inspectionSchema } from '../../domain/schemas/inspection';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { seedDistrict } from '../../server/src/seed/seed-demo';
import { writeRecords } from '../../server/src/sync/record-store';
import { TEST_NOW } from '../support/demo-app';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

describe.each(databaseKinds)('seeding the demo district on %s', (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const counts = async (d: TestDatabase) => {
    const [row] = await d.query<{ records: number; credentials: number; version: number }>(
      `SELECT (SELECT count(*)::int FROM records) AS records,
              (SELECT count(*)::int FROM credentials) AS credentials,
              (SELECT version FROM sync_state) AS version`,
    );
    return row;
  };

  it('fills an empty database once, with distinct versions and hashed passwords', async () => {
    db = await freshDatabase(kind);
    const district = buildDemoDistrict(TEST_NOW);
    const result = await seedDistrict(db, district, TEST_NOW);
    const total =
      district.towns.length +
      district.agencies.length +
      district.users.length +
      district.templates.length +
      district.enterprises.length +
      district.inspections.length +
      district.findings.length;
    expect(result.seeded).toBe(true);
    expect(result.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining([
        'admin',
        'supervisor.safety',
        'supervisor.env',
        'inspector.li',
        'inspector.wang',
        'inspector.chen',
        'inspector.zhao',
      ]),
    );
    expect(await counts(db)).toEqual({
      records: total,
      credentials: district.users.length,
      version: total,
    });
    const versions = await db.query<{ version: number; data_version: number }>(
      `SELECT version, (data->>'version')::int AS data_version FROM records ORDER BY version`,
    );
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(versions.every((v) => v.version === v.data_version)).toBe(true);

    const hashes = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM credentials',
    );
    expect(new Set(hashes.map((h) => h.password_hash)).size).toBe(district.users.length);
    for (const { password_hash } of hashes) {
      expect(password_hash).toMatch(/^scrypt\$/);
      expect(password_hash).not.toContain('demo12345');
    }

    // Each inspection names the version its template was given.
    const templates = new Map(
      (
        await db.query<{ id: string; version: number }>(
          `SELECT id::text AS id, version FROM records WHERE entity = 'template'`,
        )
      ).map((r) => [r.id, r.version]),
    );
    const inspections = await db.query<{ data: unknown }>(
      `SELECT data FROM records WHERE entity = 'inspection'`,
    );
    expect(inspections.length).toBe(district.inspections.length);
    for (const row of inspections) {
      const inspection = inspectionSchema.parse(row.data);
      expect(inspection.templateVersion).toBe(templates.get(inspection.templateId));
    }
  });

  it('adds nothing when run a second time', async () => {
    db = await freshDatabase(kind);
    const district = buildDemoDistrict(TEST_NOW);
    await seedDistrict(db, district, TEST_NOW);
    const before = await counts(db);
    const again = await seedDistrict(
      db,
      buildDemoDistrict(new Date(TEST_NOW.getTime() + 86_400_000)),
      TEST_NOW,
    );
    expect(again.seeded).toBe(false);
    expect(again.accounts.map((a) => a.username)).toContain('inspector.li');
    expect(await counts(db)).toEqual(before);
  });

  it('leaves a database that holds real data alone', async () => {
    db = await freshDatabase(kind);
    const district = buildDemoDistrict(TEST_NOW);
    const agency = district.agencies[0];
    if (!agency) throw new Error('no agency in the demo district');
    await db.transaction((tx) =>
      writeRecords(tx, [{ entity: 'agency', data: { ...agency, name: 'A real bureau' } }]),
    );
    const result = await seedDistrict(db, district, TEST_NOW);
    expect(result).toMatchObject({ seeded: false, accounts: [] });
    expect(await counts(db)).toEqual({ records: 1, credentials: 0, version: 1 });
  });
});
