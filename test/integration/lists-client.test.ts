// The app's client of the two lists against the real server: a supervisor reads the target list,
// overrides a class and withdraws the override; an inspector declares and withdraws a conflict
// of their own; what the app sends is what the server accepts. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListsClient } from '../../renderer/src/features/lists/lists-client';
import type { ListsClient } from '../../renderer/src/features/lists/lists-client';
import { ApiError } from '../../renderer/src/sync/errors';
import { createHttpCore } from '../../renderer/src/sync/http-core';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import { databaseKinds } from '../support/test-databases';

const SERVER = 'https://hq.test';

describe.each(databaseKinds)("the lists' client on %s", (kind) => {
  let t: DemoApp;
  let supervisor: ListsClient;
  let inspector: ListsClient;
  const fetch = injectFetch(() => t.app);
  const clientOf = async (username: string) =>
    createListsClient(
      createHttpCore({ serverUrl: SERVER, token: (await login(t.app, username)).token, fetch }),
    );

  beforeAll(async () => {
    t = await demoApp(kind);
    supervisor = await clientOf('supervisor.safety');
    inspector = await clientOf('inspector.li');
  });
  afterAll(() => t.close());

  it('overrides a class and withdraws the override as the target list screen does', async () => {
    const { rows } = await supervisor.targetList();
    const row = rows[0]!;
    const to = row.computedClass === 'low' ? 'general' : 'low';
    const made = await supervisor.override({
      enterpriseId: row.enterpriseId,
      riskClass: to,
      computedClass: row.computedClass,
      reason: '现场核实储量已减少',
    });
    const after = await supervisor.targetList();
    expect(after.rows.find((r) => r.enterpriseId === row.enterpriseId)?.riskClass).toBe(to);
    const refused = await inspector.withdrawOverride(made.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('riskOverride.notSupervisorOfAgency');
    expect((await supervisor.withdrawOverride(made.id)).deletedAt).not.toBeNull();
    const back = await supervisor.targetList();
    expect(back.rows.find((r) => r.enterpriseId === row.enterpriseId)?.override).toBeNull();
  });

  it('declares and withdraws an officer’s own conflict as the declarations screen does', async () => {
    const me = t.district.users.find((u) => u.record.username === 'inspector.li')!.record;
    const enterprise = t.district.enterprises.find((e) => me.jurisdiction.includes(e.town))!;
    const declared = await inspector.declareConflict({
      officerId: me.id,
      enterpriseId: enterprise.id,
      reason: '配偶在该企业任职',
    });
    expect((await supervisor.conflicts()).map((c) => c.id)).toContain(declared.id);
    const withdrawn = await inspector.withdrawConflict(declared.id);
    expect(withdrawn.deletedAt).not.toBeNull();
    expect(
      (await inspector.conflicts()).find((c) => c.id === declared.id)?.deletedAt,
    ).not.toBeNull();
  });
});
