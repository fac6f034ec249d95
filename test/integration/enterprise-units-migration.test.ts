// Migration 16 on a database that holds enterprises as they were before units: each one's
// `chemicals` becomes one unit, equal to the unit a device makes of the same record, without a new
// version; field versions move with it; history rows stay as written; open conflicts over the
// list become conflicts over the units. Then the server keeps taking old-shape payloads (a
// device that has not migrated): read as that unit, merged from history written before units.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitsFromChemicals } from '../../domain/rules/enterprise-units';
import type { ChemicalHolding, Enterprise } from '../../domain/schemas/enterprise';
import { enterpriseSchema } from '../../domain/schemas/enterprise';
import { buildApp } from '../../server/src/app';
import { databaseBlobStore } from '../../server/src/blobs/blob-store';
import { migrate, schemaVersion } from '../../server/src/db/migrations';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { seedDistrict } from '../../server/src/seed/seed-demo';
import { TEST_NOW } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert, userIdOf } from '../support/push-fixtures';
import { recordState, storedRecord } from '../support/stored-state';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

const before: ChemicalHolding[] = [
  { name: '液氨', cas: '7664-41-7', maxQuantityT: 8 },
  { name: '氢气', cas: '1333-74-0', maxQuantityT: 0.5 },
];
const changed: ChemicalHolding[] = [{ name: '液氨', cas: '7664-41-7', maxQuantityT: 12 }];

/**
 * Rewrites a stored enterprise into the shape before units, as migration 15 left records: every
 * field written at the version before its own, and its list changed at its own version.
 */
async function makeOld(db: TestDatabase, id: string, chemicals: ChemicalHolding[]) {
  await db.query(
    `UPDATE records SET
       data = (data - 'units') || jsonb_build_object('chemicals', $2::jsonb),
       field_versions = (SELECT jsonb_object_agg(k, version - 1) FROM jsonb_object_keys(data) AS k
                         WHERE k <> 'units')
         || jsonb_build_object('chemicals', version),
       field_devices = '{}'::jsonb,
       created_version = NULL,
       created_device = NULL
     WHERE entity = 'enterprise' AND id = $1::uuid`,
    [id, JSON.stringify(chemicals)],
  );
}

describe.each(databaseKinds)('migration 16 (enterprise units) on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let district: DemoDistrict;
  let admin: Device;
  // Enterprises: one whose list changed on the server after a device's copy (with history of it),
  // one with an open and a settled conflict over its list, and one that held nothing.
  let edited: Enterprise;
  let disputed: Enterprise;
  let empty: Enterprise;
  let oldRows: Map<string, { version: number; data: Record<string, unknown> }>;
  let historyBefore: unknown[];

  beforeAll(async () => {
    db = await freshDatabase(kind, 15);
    district = buildDemoDistrict(TEST_NOW);
    await seedDistrict(db, district, TEST_NOW);
    [edited, disputed, empty] = district.enterprises.slice(3, 6) as [
      Enterprise,
      Enterprise,
      Enterprise,
    ];
    await makeOld(db, edited.id, changed);
    await makeOld(db, disputed.id, before);
    await makeOld(db, empty.id, []);
    const adminId = userIdOf(district, 'admin');
    const [{ version } = { version: 0 }] = await db.query<{ version: number }>(
      `SELECT version FROM records WHERE entity = 'enterprise' AND id = $1::uuid`,
      [edited.id],
    );
    // The change of `edited`'s list at its current version, as a push before units recorded it.
    await db.query(
      `INSERT INTO history (entity, id, version, user_id, device_id, mid, at, before, after)
       VALUES ('enterprise', $1::uuid, $2, $3::uuid, NULL, NULL, now(), $4::jsonb, $5::jsonb)`,
      [
        edited.id,
        version,
        adminId,
        JSON.stringify({ chemicals: before }),
        JSON.stringify({ chemicals: changed }),
      ],
    );
    for (const [n, resolved] of [
      [1, null],
      [2, '2026-11-01T00:00:00Z'],
    ] as const) {
      await db.query(
        `INSERT INTO conflicts (id, entity, record_id, town, field, kept_value, losing_value,
           kept_user_id, version, at, resolved_at)
         VALUES ($1::uuid, 'enterprise', $2::uuid, $3, 'chemicals', $4::jsonb, $5::jsonb,
           $6::uuid, 1, now(), $7::timestamptz)`,
        [
          `00000000-0000-7000-8000-00000000000${n}`,
          disputed.id,
          disputed.town,
          JSON.stringify(before),
          JSON.stringify(changed),
          adminId,
          resolved,
        ],
      );
    }
    const rows = await db.query<{ id: string; version: number; data: Record<string, unknown> }>(
      `SELECT id::text AS id, version, data FROM records WHERE entity = 'enterprise'`,
    );
    oldRows = new Map(rows.map((r) => [r.id, { version: Number(r.version), data: r.data }]));
    historyBefore = await db.query(`SELECT * FROM history ORDER BY seq`);
    await migrate(db);
    app = await buildApp({ db, clock: () => TEST_NOW, blobs: databaseBlobStore() });
    admin = await signIn(app, district, 'admin');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('makes each enterprise’s list one unit, as a device makes it, at the same version', async () => {
    expect(await schemaVersion(db)).toBeGreaterThanOrEqual(16);
    const rows = await db.query<{ id: string; version: number; data: Record<string, unknown> }>(
      `SELECT id::text AS id, version, data FROM records WHERE entity = 'enterprise'`,
    );
    expect(rows.length).toBe(district.enterprises.length);
    for (const row of rows) {
      const old = oldRows.get(row.id);
      expect(Number(row.version)).toBe(old?.version);
      expect(row.data).not.toHaveProperty('chemicals');
      expect(row.data).toEqual(enterpriseSchema.parse(old?.data));
    }
    const byId = new Map(rows.map((r) => [r.id, r.data]));
    expect(byId.get(edited.id)?.units).toEqual(unitsFromChemicals(changed));
    expect(byId.get(empty.id)?.units).toEqual([{ kind: 'other', name: '全厂', holdings: [] }]);
  });

  it('moves the list’s field version and device to the units', async () => {
    const [row] = await db.query<{ field_versions: Record<string, number> }>(
      `SELECT field_versions FROM records WHERE entity = 'enterprise' AND id = $1::uuid`,
      [edited.id],
    );
    expect(row?.field_versions).not.toHaveProperty('chemicals');
    expect(row?.field_versions.units).toBe(oldRows.get(edited.id)?.version);
  });

  it('keeps history rows as written, and turns only open conflicts over the list to units', async () => {
    expect(await db.query(`SELECT * FROM history ORDER BY seq`)).toEqual(historyBefore);
    const conflicts = await db.query<{ field: string; kept_value: unknown; losing_value: unknown }>(
      `SELECT field, kept_value, losing_value FROM conflicts WHERE record_id = $1::uuid
       ORDER BY id`,
      [disputed.id],
    );
    expect(conflicts).toEqual([
      {
        field: 'units',
        kept_value: unitsFromChemicals(before),
        losing_value: unitsFromChemicals(changed),
      },
      { field: 'chemicals', kept_value: before, losing_value: changed },
    ]);
  });

  it('merges an old-shape edit from before the list changed without undoing the change', async () => {
    const stored = (await storedRecord<Enterprise>(db, 'enterprise', edited.id))?.data;
    if (!stored) throw new Error('edited enterprise missing');
    // A device that has not migrated: its copy from before the change, one contact renamed.
    const rest: Record<string, unknown> = { ...stored };
    delete rest.units;
    const old = {
      ...rest,
      id: stored.id,
      chemicals: before,
      contacts: stored.contacts.map((c, i) => (i === 0 ? { ...c, title: '总经理' } : c)),
    };
    const res = await push(app, admin, [upsert('enterprise', old, stored.version - 1)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
    const after = await recordState(db, 'enterprise', edited.id);
    const data = after.record?.data as Enterprise;
    expect(data.units).toEqual(unitsFromChemicals(changed));
    expect(data).not.toHaveProperty('chemicals');
    expect(data.contacts[0]?.title).toBe('总经理');
    expect(after.conflicts).toBe(0);
  });

  it('refuses a payload with both a list and units, storing nothing', async () => {
    const stored = (await storedRecord<Enterprise>(db, 'enterprise', empty.id))?.data;
    if (!stored) throw new Error('empty enterprise missing');
    const state = await recordState(db, 'enterprise', empty.id);
    const res = await push(app, admin, [
      upsert('enterprise', { ...stored, chemicals: changed, industry: '涂料' }),
    ]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid' } });
    expect(res.results[0]?.error).toContain('data.chemicals is the list of records from before');
    expect(await recordState(db, 'enterprise', empty.id)).toEqual(state);
  });
});
