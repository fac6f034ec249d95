// A fresh local database (fake-indexeddb) for every test of a file: opened before each test under
// a new user's name, closed and deleted after it, so no test sees another's records.
import { afterEach, beforeEach } from 'vitest';
import { openUserDatabase } from '../../../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { newId } from '../../../support/record-fixtures';

/**
 * Registers the before/after hooks of the calling file; `onOpen` receives each test's database.
 * `open: false` leaves opening to the code under test (Dexie opens on first use).
 */
export function withTestDatabase(
  onOpen: (db: FieldInspectorDb) => void,
  options: { open?: boolean } = {},
): void {
  let current: FieldInspectorDb | undefined;
  beforeEach(async () => {
    current = openUserDatabase(newId());
    if (options.open ?? true) await current.open();
    onOpen(current);
  });
  afterEach(async () => {
    const db = current;
    current = undefined;
    if (!db) return;
    db.close();
    await db.delete();
  });
}
