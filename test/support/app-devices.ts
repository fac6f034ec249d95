// Devices running the app's own data layer (its repositories, outbox and sync over fake-indexeddb)
// signed in to a test server: opened by username, synced once, and deleted together after the
// tests. An integration test that needs "what the app itself writes" starts here.
import { expect } from 'vitest';
import type { User } from '../../domain/schemas/user';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { pushOutbox } from '../../renderer/src/sync/push';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import type { DemoApp } from './demo-app';
import { login } from './demo-app';
import { injectFetch } from './inject-fetch';

export interface AppDevice {
  user: User;
  db: FieldInspectorDb;
  client: ApiClient;
  deviceId: string;
}

/**
 * The devices of one test file. `label` keeps each file's (and database kind's) IndexedDB
 * databases apart; `app` is read when a device opens, after the server has started.
 */
export function appDevices(app: () => DemoApp, label: string) {
  const devices: AppDevice[] = [];
  return {
    /** A demo user's device, signed in and synced once. */
    async open(username: string): Promise<AppDevice> {
      const t = app();
      const user = t.district.users.find((u) => u.record.username === username)?.record;
      if (!user) throw new Error(`no demo user ${username}`);
      const session = await login(t.app, username);
      const client = createApiClient({
        serverUrl: 'https://hq.test',
        token: session.token,
        fetch: injectFetch(() => t.app),
      });
      const device = {
        user,
        db: openUserDatabase(`${user.id}-${label}`),
        client,
        deviceId: session.deviceId,
      };
      devices.push(device);
      await runSyncCycle({ client, db: device.db, deviceId: device.deviceId });
      return device;
    },
    async deleteAll(): Promise<void> {
      for (const d of devices) {
        d.db.close();
        await d.db.delete();
      }
    },
  };
}

/** Pushes what the device's outbox holds, as its sync does, and expects the outbox emptied. */
export async function sendOutbox(d: AppDevice): Promise<void> {
  await pushOutbox({ client: d.client, db: d.db, deviceId: d.deviceId });
  expect(await d.db.outbox.count()).toBe(0);
}
