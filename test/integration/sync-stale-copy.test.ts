// A device's copy of a hazard stays at the version it was pulled at until the next pull, even
// after the server answers a push of it: the server may have merged another device's field into
// the version it answers with. The device's next edit, made on that stale copy, must not undo
// the other device's change, whether it is made after the answer or while the push travels.
// The renderer's real outbox and push code (fake-indexeddb) against the real server.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { writeLocal } from '../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { pushOutbox } from '../../renderer/src/sync/push';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { readRecord } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import type { Device } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('a stale local copy after a push, on %s', (kind) => {
  let t: DemoApp;
  let db: FieldInspectorDb;
  let client: ApiClient;
  let deviceId: string;
  let other: Device;
  let hazard: Finding;
  /** Runs once, while the next push request travels (before the server answers it). */
  let whilePushing: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    t = await demoApp(kind);
    const inspector = t.district.users
      .map((u) => u.record)
      .find(
        (u) =>
          u.role === 'inspector' &&
          t.district.enterprises.some((e) => u.jurisdiction.includes(e.town)),
      );
    if (!inspector) throw new Error('the demo district has no inspector with an enterprise');
    const enterprise = t.district.enterprises.find((e) => inspector.jurisdiction.includes(e.town))!;
    const session = await login(t.app, inspector.username);
    deviceId = session.deviceId;
    // The same inspector on a second device.
    other = await signIn(t.app, t.district, inspector.username);
    db = openUserDatabase(`${inspector.id}-stale-copy-${kind}`);
    client = createApiClient({
      serverUrl: 'https://hq.test',
      token: session.token,
      fetch: injectFetch(
        () => t.app,
        async (url) => {
          const run = url.pathname.endsWith('/sync/push') ? whilePushing : undefined;
          whilePushing = undefined;
          await run?.();
        },
      ),
    });
    const inspection = newInspection(t.district, inspector.id, enterprise.id);
    hazard = newFinding(inspection, { responsiblePerson: '张三' });
    await writeLocal(db, 'inspection', inspection);
    await writeLocal(db, 'finding', hazard);
    await runSyncCycle({ client, db, deviceId });
    expect((await db.findings.get(hazard.id))?.version).toBeGreaterThan(0);

    // The other device names another responsible person; this device has not pulled since.
    const stored = await readRecord(t.db, 'finding', hazard.id);
    const answer = await push(t.app, other, [
      upsert('finding', { ...stored!, responsiblePerson: '李四' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied']);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
    await t.close();
  });

  const editLocally = async (changes: Partial<Finding>) => {
    const copy = await db.findings.get(hazard.id);
    await writeLocal(db, 'finding', { ...copy!, ...changes });
  };
  const onServer = () => readRecord(t.db, 'finding', hazard.id);

  it('keeps the other device’s field when the next edit follows the answer', async () => {
    await editLocally({ title: '第一次修改' });
    await pushOutbox({ client, db, deviceId });
    expect(await onServer()).toMatchObject({ title: '第一次修改', responsiblePerson: '李四' });

    // Made on the copy that still names 张三: the push must not bring him back.
    await editLocally({ description: '第二次修改' });
    await pushOutbox({ client, db, deviceId });
    expect(await onServer()).toMatchObject({
      title: '第一次修改',
      description: '第二次修改',
      responsiblePerson: '李四',
    });

    // The pull then brings the merged record to the device.
    await runSyncCycle({ client, db, deviceId });
    const server = await readRecord(t.db, 'finding', hazard.id);
    expect(await db.findings.get(hazard.id)).toMatchObject({
      version: server!.version,
      responsiblePerson: '李四',
      description: '第二次修改',
    });
  });

  it('keeps the other device’s field when the next edit is made while the push travels', async () => {
    await editLocally({ title: '第一次修改' });
    whilePushing = () => editLocally({ description: '推送时的修改' });
    await pushOutbox({ client, db, deviceId });
    // The edit may land after the push took its last batch: then the next push sends it.
    await pushOutbox({ client, db, deviceId });
    expect(await db.outbox.count()).toBe(0);
    expect(await onServer()).toMatchObject({
      title: '第一次修改',
      description: '推送时的修改',
      responsiblePerson: '李四',
    });
  });
});
