import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  downloadMissingBlobs,
  missingLocalBlobs,
} from '../../../../../renderer/src/db/repositories/blob-downloads';
import { sha256Hex } from '../../../../../renderer/src/shared/sha256';
import { withTestDatabase } from '../../support/test-database';
import { isUploaded } from '../../../../../renderer/src/db/repositories/blobs';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const bytes = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, n]);
const refOf = async (n: number) => ({
  sha256: await sha256Hex(bytes(n)),
  mime: 'image/jpeg' as const,
  size: 4,
});

describe('downloadMissingBlobs', () => {
  it('fetches only what is missing, keeps it as uploaded, refuses bytes that do not match', async () => {
    const [local, remote, forged, absent] = await Promise.all([1, 2, 3, 4].map(refOf));
    await db.blobs.put({ ...local!, data: new Blob([bytes(1)]) });
    expect(await missingLocalBlobs(db, [local!, remote!, remote!])).toEqual([remote]);

    const asked: string[] = [];
    const server = new Map([
      [remote!.sha256, bytes(2)],
      [forged!.sha256, bytes(99)],
    ]);
    const result = await downloadMissingBlobs(
      db,
      async (hash) => {
        asked.push(hash);
        const found = server.get(hash);
        if (!found) throw new Error('404');
        return new Blob([found]);
      },
      [local!, remote!, forged!, absent!],
    );
    expect(result).toEqual({ downloaded: 1, failed: 2 });
    expect(asked.sort()).toEqual([remote!.sha256, forged!.sha256, absent!.sha256].sort());
    expect(await db.blobs.get(remote!.sha256)).toMatchObject({ mime: 'image/jpeg' });
    expect(await isUploaded(db, remote!.sha256)).toBe(true);
    expect(await db.blobs.get(forged!.sha256)).toBeUndefined();
    // A blob made here keeps its own upload flag.
    expect(await isUploaded(db, local!.sha256)).toBe(false);
  });
});
