import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  getSyncRecord,
  recordSyncError,
  recordSyncSuccess,
} from '../../../../../renderer/src/db/repositories/meta';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

describe('sync record', () => {
  it('starts empty, keeps the last error, and a success clears it', async () => {
    expect(await getSyncRecord(db)).toEqual({ lastSuccessAt: null, lastError: null });
    const error = { kind: 'network' as const, message: 'down', at: '2026-11-03T00:00:00.000Z' };
    await recordSyncError(db, error);
    expect((await getSyncRecord(db)).lastError).toEqual(error);
    await recordSyncSuccess(db, '2026-11-03T01:00:00.000Z');
    expect(await getSyncRecord(db)).toEqual({
      lastSuccessAt: '2026-11-03T01:00:00.000Z',
      lastError: null,
    });
  });
});
