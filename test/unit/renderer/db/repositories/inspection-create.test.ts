import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  UnknownOfficerError,
  createInspection,
} from '../../../../../renderer/src/db/repositories/inspections';
import { makeUser, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const safety = newId();
const environment = newId();
const lead = makeUser({ agencyId: safety });
const sameAgency = makeUser({ username: 'inspector.wang', agencyId: safety });
const otherAgency = makeUser({ username: 'inspector.chen', agencyId: environment });

const input = (coInspectorIds: string[]) => ({
  enterpriseId: newId(),
  kind: 'routine' as const,
  templates: [{ id: newId(), version: 1 }],
  lead,
  coInspectorIds,
  location: { lat: 30.1, lon: 120.8, accuracyM: 12 },
});

describe('the agencies of a new inspection', () => {
  it("are the lead's when the co-inspectors are of the same agency", async () => {
    await db.users.bulkPut([sameAgency]);
    const made = await createInspection(db, input([sameAgency.id]));
    expect(made.agencyIds).toEqual([safety]);
    expect((await db.outbox.toArray())[0]?.data).toMatchObject({ agencyIds: [safety] });
  });

  it("name every officer's agency in a joint inspection, each once, the lead's first", async () => {
    await db.users.bulkPut([sameAgency, otherAgency]);
    const made = await createInspection(db, input([otherAgency.id, sameAgency.id, lead.id]));
    expect(made.agencyIds).toEqual([safety, environment]);
    // The lead is not a co-inspector of their own inspection.
    expect(made.coInspectorIds).toEqual([otherAgency.id, sameAgency.id]);
  });

  it('refuses a co-inspector this device does not know, and stores nothing', async () => {
    const stranger = newId();
    await expect(createInspection(db, input([stranger]))).rejects.toThrow(UnknownOfficerError);
    expect(await db.inspections.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
