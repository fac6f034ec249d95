import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  hashesToCheck,
  markUploaded,
  putLocalBlob,
} from '../../../../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../../../../renderer/src/db/outbox/queue';
import { makeFinding } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hash = (n: number) => n.toString(16).padStart(64, '0');
const photo = (n: number) => ({ sha256: hash(n), mime: 'image/jpeg' as const, size: 1 });

async function pagesOf(pages: AsyncIterable<string[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('hashesToCheck', () => {
  it('names the photos of queued records in queue order, then the other unsent blobs', async () => {
    // Kept in an order unlike both the queue's and the hashes' own.
    for (const n of [9, 3, 7, 5, 1]) await putLocalBlob(db, photo(n), new Blob(['x']));
    await markUploaded(db, [hash(1)]);
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(7)] }));
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(3), photo(7)] }));
    // Referred to by a queued record though sent before: the server may have lost it.
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(1)] }));
    const names = (await pagesOf(hashesToCheck(db))).flat();
    expect(names.slice(0, 3)).toEqual([hash(7), hash(3), hash(1)]);
    expect(names.slice(3).sort()).toEqual([hash(5), hash(9)]);
  });

  it('reads the queue a page at a time, each hash once, in queue order', async () => {
    for (const n of [1, 2, 3, 4]) await putLocalBlob(db, photo(n), new Blob(['x']));
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(2)] }));
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(1), photo(2)] }));
    await writeLocal(db, 'finding', makeFinding({ photos: [photo(3)] }));
    await writeLocal(db, 'finding', makeFinding({ photos: [] }));
    expect(await pagesOf(hashesToCheck(db, { first: 1, rest: 2 }))).toEqual([
      [hash(2)],
      [hash(1), hash(3)],
      [hash(4)],
    ]);
  });
});
