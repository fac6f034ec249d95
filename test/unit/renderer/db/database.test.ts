import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPendingBlobs, isUploaded } from '../../../../renderer/src/db/repositories/blobs';

const name = 'fi-upgrade-test';
const hash = (n: number) => n.toString(16).padStart(64, '0');

afterEach(() => Dexie.delete(name));

describe('the device database', () => {
  it('moves the upload flags of blobs written before version 6 into blobUploads', async () => {
    // The blob table as versions 1 to 5 kept it: the upload flag on the row with the bytes.
    const old = new Dexie(name);
    old.version(5).stores({ blobs: 'sha256' });
    await old.table('blobs').bulkPut([
      { sha256: hash(1), mime: 'image/jpeg', size: 1, data: new Blob(['a']), uploaded: true },
      { sha256: hash(2), mime: 'image/jpeg', size: 1, data: new Blob(['b']), uploaded: false },
    ]);
    old.close();

    const db = new FieldInspectorDb(name);
    await db.open();
    expect(await isUploaded(db, hash(1))).toBe(true);
    expect(await isUploaded(db, hash(2))).toBe(false);
    expect(await countPendingBlobs(db)).toBe(1);
    expect(await db.blobs.count()).toBe(2);
    db.close();
  });
});
