import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  hashesToCheck,
  markUploaded,
  putLocalBlob,
} from '../../../../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../../../../renderer/src/db/repositories/outbox';
import { makeFinding } from '../../support/fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hash = (n: number) => n.toString(16).padStart(64, '0');
const photo = (n: number) => ({ sha256: hash(n), mime: 'image/jpeg' as const, size: 1 });

describe('hashesToCheck', () => {
  it('names the photos of queued records in queue order, then the other unsent blobs', async () => {
    // Kept in an order unlike both the queue's and the hashes' own.
    for (const n of [9, 3, 7, 5, 1]) await putLocalBlob(db, photo(n), new Blob(['x']));
    await markUploaded(db, [hash(1)]);
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(7)] }));
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(3), photo(7)] }));
    // Referred to by a queued record though sent before: the server may have lost it.
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(1)] }));
    const names = await hashesToCheck(db);
    expect(names.slice(0, 3)).toEqual([hash(7), hash(3), hash(1)]);
    expect(names.slice(3).sort()).toEqual([hash(5), hash(9)]);
  });
});
