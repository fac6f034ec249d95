// Towns are records: every signed-in user pulls them, only administrators write them, and users'
// jurisdictions and enterprises may name only towns the server holds. Built-in checklists are
// read-only through sync. Each refusal reads the records back and shows nothing was stored.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../domain/schemas/template';
import type { TownRecord } from '../../domain/schemas/town';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import type { DemoApp } from '../support/demo-app';
import { demoApp, getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { expectPushRefused, push, signIn, upsert } from '../support/push-fixtures';
import { NEVER_STORED, recordState, storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('towns and built-in checklists through sync, on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  let li: Device;

  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
    li = await signIn(t.app, t.district, 'inspector.li');
  });
  afterAll(() => t.close());

  const newTown = (code: string, name = '新设镇'): TownRecord => ({
    id: uuidv7(),
    version: 0,
    updatedAt: new Date().toISOString(),
    deletedAt: null,
    createdBy: admin.userId,
    code,
    name,
    kind: 'town',
  });

  it('sends every town to every signed-in user', async () => {
    const res = await getAs(t.app, '/api/v1/sync/pull?limit=1000', li.token);
    const towns = res
      .json<{ changes: { entity: string; data: TownRecord }[] }>()
      .changes.filter((c) => c.entity === 'town')
      .map((c) => c.data.code);
    expect(towns.sort()).toEqual(t.district.towns.map((x) => x.code).sort());
  });

  it('lets an administrator add a town, and refuses one to an inspector (adminOnly)', async () => {
    const town = newTown('330604201');
    const res = await push(t.app, admin, [upsert('town', town)]);
    expect(res.results[0]).toMatchObject({ status: 'applied' });
    const other = newTown('330604202');
    await expectPushRefused(t, li, upsert('town', other), 'adminOnly');
    expect(await recordState(t.db, 'town', other.id)).toEqual(NEVER_STORED);
  });

  it('refuses a second town with a code another has (townCodeTaken), in the same batch too', async () => {
    const dup = newTown('330604001', '重复');
    await expectPushRefused(t, admin, upsert('town', dup), 'townCodeTaken');
    expect(await recordState(t.db, 'town', dup.id)).toEqual(NEVER_STORED);
    const a = newTown('330604203');
    const b = newTown('330604203', '同码');
    const res = await push(t.app, admin, [upsert('town', a), upsert('town', b)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.results[1]?.reason?.code).toBe('townCodeTaken');
    expect(await recordState(t.db, 'town', b.id)).toEqual(NEVER_STORED);
  });

  it("refuses a change of a town's code (townCodeFixed) and takes a change of its name", async () => {
    const stored = t.district.towns[0]!;
    const current = (await storedRecord<TownRecord>(t.db, 'town', stored.id))!.data;
    await expectPushRefused(
      t,
      admin,
      upsert('town', { ...current, code: '330604299' }),
      'townCodeFixed',
    );
    const renamed = await push(t.app, admin, [
      upsert('town', { ...current, name: '百官街道（新）' }),
    ]);
    expect(renamed.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a user whose jurisdiction names an unknown town (unknownTown)', async () => {
    const wang = t.district.users.find((u) => u.record.username === 'inspector.wang')!.record;
    const stored = (await storedRecord<{ id: string; version: number } & Record<string, unknown>>(
      t.db,
      'user',
      wang.id,
    ))!.data;
    const jurisdiction = [...(stored.jurisdiction as string[]), '330604998'];
    await expectPushRefused(t, admin, upsert('user', { ...stored, jurisdiction }), 'unknownTown');
    const fresh = {
      ...stored,
      id: uuidv7(),
      version: 0,
      username: 'inspector.nowhere',
      jurisdiction: ['330604997'],
    };
    await expectPushRefused(t, admin, upsert('user', fresh), 'unknownTown');
  });

  it('refuses an enterprise in an unknown town (unknownTown), and takes one in a town added in the same batch', async () => {
    const enterprise = t.district.enterprises[0]!;
    const stored = (await storedRecord<{ id: string; version: number } & Record<string, unknown>>(
      t.db,
      'enterprise',
      enterprise.id,
    ))!.data;
    await expectPushRefused(
      t,
      admin,
      upsert('enterprise', { ...stored, town: '330604996' }),
      'unknownTown',
    );
    const town = newTown('330604204');
    const moved = await push(t.app, admin, [
      upsert('town', town),
      upsert('enterprise', { ...stored, town: town.code }),
    ]);
    expect(moved.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('refuses any write of a built-in checklist through sync, an administrator’s too (builtInReadOnly)', async () => {
    const builtIn = (await storedRecord<ChecklistTemplate>(
      t.db,
      'template',
      MAJOR_HAZARD_TEMPLATE_ID,
    ))!.data;
    expect(builtIn.builtIn).toBe(true);
    await expectPushRefused(
      t,
      admin,
      upsert('template', { ...builtIn, title: '改' }),
      'builtInReadOnly',
    );
    await expectPushRefused(
      t,
      admin,
      {
        entity: 'template',
        id: builtIn.id,
        op: 'delete',
        data: null,
        baseVersion: builtIn.version,
      },
      'builtInReadOnly',
    );
    await expectPushRefused(
      t,
      admin,
      upsert('template', { ...builtIn, builtIn: false, title: '去掉内置标记' }),
      'builtInReadOnly',
    );
    // A new record claiming to be built in is refused; a bureau's own copy is made through the
    // administration of templates, never by sync (test/integration/admin-templates.test.ts).
    const claim = { ...builtIn, id: uuidv7(), version: 0 };
    await expectPushRefused(t, admin, upsert('template', claim), 'builtInReadOnly');
    const copy = { ...builtIn, id: uuidv7(), version: 0, builtIn: false, title: '本局重大隐患' };
    await expectPushRefused(t, admin, upsert('template', copy), 'templatesByAdministration');
  });
});
