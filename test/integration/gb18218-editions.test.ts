// The GB 18218-2018 table's editions through /gb18218/edition and /admin/gb18218/editions:
// published by administrators only, from the latest edition only, checked row by row and never
// stored when refused; a published edition is what a device pulls and grades with (the
// renderer's real pull on its own IndexedDB), and what the server's own risk classes use.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gb18218Table } from '../../domain/data/gb18218-table';
import { defaultGb18218Table } from '../../domain/data/gb18218-table';
import { gradeEnterprise } from '../../domain/rules/gb18218';
import type { CurrentEdition, Gb18218Edition } from '../../domain/schemas/gb18218-edition';
import type { TargetListAnswer } from '../../domain/schemas/target-list-api';
import { openUserDatabase } from '../../renderer/src/db/database';
import { gb18218TableOf } from '../../renderer/src/db/repositories/gb18218-editions';
import { createApiClient } from '../../renderer/src/sync/api-client';
import { pullAll } from '../../renderer/src/sync/pull';
import { listAdminActions } from '../../server/src/admin/audit-log';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp, errorBody } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import { countRows, send } from '../support/plan-fixtures';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const copy = (table: Gb18218Table): Gb18218Table => structuredClone(table);

/** The shipped table with every Table 1 critical quantity a million times larger. */
function looserTable(): Gb18218Table {
  const table = copy(defaultGb18218Table);
  table.table1 = table.table1.map((row) => ({ ...row, Q: row.Q * 1_000_000 }));
  return table;
}

describe.each(databaseKinds)('editions of the GB 18218-2018 table on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  let supervisor: Device;
  let inspector: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    inspector = await signIn(t.app, t.district, 'inspector.li');
  });
  afterAll(() => t.close());

  /** Everything publishing could write. */
  const stored = async () => ({
    editions: await countRows(t, 'SELECT * FROM gb18218_editions'),
    records: await countRows(t, "SELECT * FROM records WHERE entity = 'gb18218Edition'"),
    audit: await countRows(t, 'SELECT * FROM admin_actions'),
    counter: (await t.db.query<{ version: string }>('SELECT version FROM sync_state'))[0]?.version,
  });
  const publish = (device: Device, body: unknown) =>
    send(t, 'POST', '/admin/gb18218/editions', device, body);
  const current = async (device: Device) => {
    const res = await send(t, 'GET', '/gb18218/edition', device);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CurrentEdition>();
  };
  const targetList = async () => {
    const res = await send(t, 'GET', '/target-list', supervisor);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TargetListAnswer>();
  };

  it('serves the shipped table as edition 1 to everyone signed in before any is published', async () => {
    const answer = await current(inspector);
    expect(answer.edition).toMatchObject({ revision: 1, publishedBy: null, reason: null });
    expect(answer.table).toEqual(defaultGb18218Table);
    expect((await send(t, 'GET', '/gb18218/edition', null)).statusCode).toBe(401);
  });

  it('refuses an edition, and the list of editions, to anyone but an administrator', async () => {
    const before = await stored();
    for (const device of [inspector, supervisor]) {
      const res = await publish(device, {
        baseRevision: 1,
        table: looserTable(),
        reason: '核对正式出版文本',
      });
      expect(res.statusCode).toBe(403);
      expect(errorBody(res).error).toBe('admin_only');
      expect((await send(t, 'GET', '/admin/gb18218/editions', device)).statusCode).toBe(403);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a table that fails its checks, naming the row and field, and stores nothing', async () => {
    const before = await stored();
    const table = copy(defaultGb18218Table);
    const [, , , fourth, fifth, sixth] = table.table1;
    if (!fourth || !fifth || !sixth) throw new Error('the shipped Table 1 is short');
    fourth.Q = -1;
    sixth.id = fifth.id;
    // Two rows of one CAS without variants: no holding could be matched to one of them.
    const [one, other] = table.table1.filter(
      (r) => r.cas !== null && r.variant === undefined && r.beta.rule === 'table4',
    );
    if (!one || !other) throw new Error('the shipped Table 1 has too few classed rows');
    other.cas = one.cas;
    const res = await publish(admin, { baseRevision: 1, table, reason: '核对' });
    expect(res.statusCode).toBe(400);
    const body = errorBody(res);
    expect(body.error).toBe('invalid_table');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'table.table1.3.Q',
          message: `Table 1 row 4 (${fourth.id}), Q, must be more than 0`,
        },
        {
          path: 'table.table1.5.id',
          message: expect.stringContaining('uses a row id another row already has'),
        },
        {
          path: 'table.table1',
          message: expect.stringContaining(
            `sharing a CAS number without each naming a different variant, so a holding could not be matched to one row (${String(one.cas)})`,
          ),
        },
      ]),
    );
    expect(body.message).toContain(fourth.id);
    expect(await stored()).toEqual(before);
  });

  it('refuses text the database cannot hold anywhere in the table, and stores nothing', async () => {
    const before = await stored();
    for (const bad of ['类别\u0000', '类别\ud800']) {
      const table = copy(defaultGb18218Table);
      const criterion = table.table2[0]?.criteria[0];
      if (!criterion) throw new Error('the shipped Table 2 has no criterion');
      criterion.categories = [bad];
      const res = await publish(admin, { baseRevision: 1, table, reason: '核对' });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorBody(res).error).toBe('invalid_table');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a device’s push of an edition, an administrator’s too (serverWritten)', async () => {
    const before = await stored();
    const edition: Gb18218Edition = {
      id: '01900000-0000-7000-8000-0000000000e1',
      version: 0,
      updatedAt: TEST_NOW.toISOString(),
      deletedAt: null,
      createdBy: admin.userId,
      revision: 2,
      table: { ...looserTable(), version: { ...defaultGb18218Table.version, revision: 2 } },
      publishedBy: admin.userId,
      publishedAt: TEST_NOW.toISOString(),
      reason: '伪造',
    };
    const res = await push(t.app, admin, [upsert('gb18218Edition', edition)]);
    expect(res.results.map((r) => r.reason?.code)).toEqual(['serverWritten']);
    expect(await stored()).toEqual(before);
  });

  it('publishes an edition that devices pull and grade with, and the server’s risk classes use', async () => {
    const listBefore = await targetList();
    const table = looserTable();
    // A device cannot say who changed a row: the server stamps it.
    const first = table.table1[0];
    if (!first) throw new Error('the shipped Table 1 is empty');
    first.change = { by: inspector.userId, at: '2020-01-01T00:00:00.000Z', reason: '伪造' };
    const res = await publish(admin, { baseRevision: 1, table, reason: '临界量按正式文本更正' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ edition: { revision: 2, publishedBy: admin.userId } });

    const answer = await current(inspector);
    expect(answer.edition).toMatchObject({ revision: 2, reason: '临界量按正式文本更正' });
    expect(answer.table.version).toMatchObject({ revision: 2, basedOn: 'gb18218-2018.builtin.1' });
    expect(answer.table.table1[0]?.change).toEqual({
      by: admin.userId,
      at: TEST_NOW.toISOString(),
      reason: '临界量按正式文本更正',
    });
    // Rows not changed keep what they had: Table 2 rows carry no stamp.
    expect(answer.table.table2).toEqual(defaultGb18218Table.table2);
    const [action] = await listAdminActions(t.db, { targetKind: 'gb18218Table' });
    expect(action).toMatchObject({ actorId: admin.userId, action: 'table.publishEdition' });

    // The device pulls the edition with the renderer's own pull and grades with it.
    const db = openUserDatabase(`${inspector.userId}-gb18218-${kind}`);
    try {
      const client = createApiClient({
        serverUrl: 'https://hq.test',
        token: inspector.token,
        fetch: injectFetch(() => t.app),
      });
      await pullAll({ client, db });
      expect(await gb18218TableOf(db)).toEqual(answer.table);
    } finally {
      db.close();
    }

    // The server's classes are graded with the edition in force.
    const listAfter = await targetList();
    const levelOf = (list: TargetListAnswer, id: string) =>
      list.rows.find((r) => r.enterpriseId === id)?.majorHazardLevel;
    let changed = 0;
    for (const e of t.district.enterprises) {
      const after = levelOf(listAfter, e.id);
      if (after === undefined) continue;
      expect(after).toBe(gradeEnterprise(e, answer.table).level);
      if (after !== levelOf(listBefore, e.id)) changed += 1;
    }
    expect(changed).toBeGreaterThan(0);

    const list = await send(t, 'GET', '/admin/gb18218/editions', admin);
    expect(
      list.json<{ editions: { revision: number }[] }>().editions.map((e) => e.revision),
    ).toEqual([2, 1]);
  });

  it('refuses an edition edited from one that is no longer the latest, storing nothing', async () => {
    const before = await stored();
    const table = copy(defaultGb18218Table);
    const res = await publish(admin, { baseRevision: 1, table, reason: '另一位管理员的修改' });
    expect(res.statusCode).toBe(409);
    expect(errorBody(res).error).toBe('stale_edition');
    expect(await stored()).toEqual(before);
    expect((await current(inspector)).edition.revision).toBe(2);
  });

  it('refuses an edition that changes nothing', async () => {
    const before = await stored();
    const { table } = await current(admin);
    const res = await publish(admin, { baseRevision: 2, table, reason: '无改动' });
    expect(res.statusCode).toBe(400);
    expect(errorBody(res).error).toBe('edition_unchanged');
    expect(await stored()).toEqual(before);
  });
});
