// Documents issued before the register (migration 14): a submitted inspection the server held
// with no register entry when the migration ran keeps the provisional numbers its documents were
// printed and served with. A later write that touches it (here a supervisor's approval) numbers
// nothing, while an inspection submitted since is numbered as ever. Reads the register back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import { REGISTER_EXEMPT_BACKFILL } from '../../server/src/db/migration-14-register-exempt';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { FINISHED_AT, decided } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { signIn } from '../support/push-fixtures';
import { readRegister, submissionBatch, submitWithHazards } from '../support/register-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('documents issued before the register on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let supervisor: Device;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await demoApp(kind);
    [li, wang, supervisor] = (await Promise.all(
      ['inspector.li', 'inspector.wang', 'supervisor.safety'].map((u) =>
        signIn(t.app, t.district, u),
      ),
    )) as [Device, Device, Device];
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    enterpriseId = enterprise.id;
  });
  afterAll(() => t.close());

  it('keeps their provisional numbers when they are written again; later ones are numbered', async () => {
    const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 1);
    const submitted: Inspection = { ...batch.draft, status: 'submitted', finishedAt: FINISHED_AT };
    // As the server held it before the register: in the record store, with no number.
    await t.db.transaction((tx) =>
      writeRecords(tx, [
        { entity: 'inspection', data: submitted, deviceId: null },
        ...batch.findings.map((f) => ({ entity: 'finding' as const, data: f, deviceId: null })),
      ]),
    );
    // The upgrade: migration 14’s backfill, as it runs on such a database.
    await t.db.query(REGISTER_EXEMPT_BACKFILL);
    const before = await readRegister(t.db);

    await decided(t, supervisor, submitted.id, 'approved');
    expect(await readRegister(t.db)).toEqual(before);
    expect(before.filter((r) => r.inspection_id === submitted.id)).toEqual([]);

    const later = await submitWithHazards(t, li, [wang.userId], enterpriseId, 1);
    const numbered = (await readRegister(t.db)).filter((r) => r.inspection_id === later.id);
    expect(numbered.map((r) => r.kind).sort()).toEqual(['order', 'record']);
  });
});
