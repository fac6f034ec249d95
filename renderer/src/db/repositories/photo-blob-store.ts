// The photo pipeline's blob store on the local database: photo bytes in the `blobs` table,
// addressed by their SHA-256 and marked not yet uploaded until the sync worker sends them.
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import type { FieldInspectorDb } from '../database';

export function createPhotoBlobStore(db: FieldInspectorDb): PhotoBlobStore {
  return {
    async put({ sha256, mime, size, bytes }) {
      await db.transaction('rw', db.blobs, async () => {
        // The same bytes added twice keep the first row.
        if ((await db.blobs.get(sha256)) !== undefined) return;
        await db.blobs.put({ sha256, mime, size, data: bytes });
      });
    },
    async get(sha256) {
      return (await db.blobs.get(sha256))?.data;
    },
  };
}

// Components compare the store by identity (object URLs are remade when it changes).
const stores = new WeakMap<FieldInspectorDb, PhotoBlobStore>();

/** The one store of `db`, the same object every time. */
export function photoBlobStoreFor(db: FieldInspectorDb): PhotoBlobStore {
  let store = stores.get(db);
  if (!store) {
    store = createPhotoBlobStore(db);
    stores.set(db, store);
  }
  return store;
}
