// Dexie version 14 on a device that kept enterprises before units, with an edit of one still
// unsent and a pulled copy held behind it: each becomes the one unit of its chemicals, as the
// server's migration 16 makes it, and the unsent edit goes out in today's shape.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';
import { enterpriseSchema } from '../../../../domain/schemas/enterprise';
import { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { takeBatch } from '../../../../renderer/src/db/outbox/take-batch';
import { makeEnterprise } from '../../../support/record-fixtures';

const name = 'fi-upgrade-units-test';
afterEach(() => Dexie.delete(name));

const chemicals = [
  { name: '液氯', cas: '7782-50-5', maxQuantityT: 20 },
  { name: '液氨', cas: '7664-41-7', maxQuantityT: 8 },
];

/** An enterprise as versions 1 to 13 kept it: a flat list of chemicals, no units. */
function oldEnterprise(list = chemicals): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...makeEnterprise({ version: 4 }) };
  delete rest.units;
  return { ...rest, chemicals: list };
}

describe('the device database at version 14', () => {
  it('makes each stored, unsent and held enterprise one unit; refused ones stay as sent', async () => {
    const stored = oldEnterprise();
    const edited: Record<string, unknown> = { ...oldEnterprise([chemicals[0]!]), industry: '涂料' };
    const held = oldEnterprise([]);
    const finding = { id: 'f1', title: 'hazard' };
    const old = new Dexie(name);
    old.version(13).stores({
      enterprises: 'id, name, creditCode, town, track, updatedAt',
      outbox: '++seq, entity, id, [entity+id]',
      outboxNumbering: '++id',
      held: '[entity+id]',
      rejected: '++seq, [entity+id], dismissed',
      meta: 'key',
    });
    await old.table('enterprises').bulkPut([stored]);
    const queued = (entity: string, id: unknown, data: unknown) => ({
      entity,
      id,
      op: 'upsert',
      data,
      baseVersion: 4,
      queuedAt: '2026-11-01T00:00:00.000Z',
    });
    await old
      .table('outbox')
      .bulkAdd([queued('enterprise', edited.id, edited), queued('finding', 'f1', finding)]);
    await old.table('held').put({ entity: 'enterprise', id: held.id, version: 9, record: held });
    const refused = { ...queued('enterprise', stored.id, stored), mid: 3, reason: 'no' };
    await old.table('rejected').add(refused);
    old.close();

    const db = new FieldInspectorDb(name);
    await db.open();
    const [enterprise] = await db.enterprises.toArray();
    expect(enterprise).not.toHaveProperty('chemicals');
    expect(enterprise?.units).toEqual(unitsFromChemicals(chemicals));
    // The same record the server's migration makes of it, and one its schema takes as it is.
    expect(enterprise).toEqual(enterpriseSchema.parse(stored));
    expect(enterpriseSchema.parse(enterprise)).toEqual(enterprise);

    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows[0]?.data).toEqual({
      ...edited,
      chemicals: undefined,
      units: unitsFromChemicals([chemicals[0]!]),
    });
    expect(rows[0]?.data).not.toHaveProperty('chemicals');
    expect(rows[1]?.data).toEqual(finding);
    const [heldRow] = await db.held.toArray();
    expect(heldRow?.record).toEqual(enterpriseSchema.parse(held));
    expect((await db.rejected.toArray()).map((r) => r.data)).toEqual([stored]);

    // The unsent edit goes out in today's shape, with the base it was made from.
    const batch = await takeBatch(db, 'device-a');
    expect(batch?.mutations[0]).toMatchObject({
      entity: 'enterprise',
      baseVersion: 4,
      data: { industry: '涂料', units: unitsFromChemicals([chemicals[0]!]) },
    });
    expect(batch?.mutations[0]?.data).not.toHaveProperty('chemicals');
    db.close();
  });
});
