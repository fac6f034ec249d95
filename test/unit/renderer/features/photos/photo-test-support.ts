// What the photo tests share: an in-memory blob store (the contract the local database
// implements), controllable processing, and picture-like files.
import type { ProcessedPhoto } from '../../../../../renderer/src/features/photos/downscale';
import type {
  PhotoBlobStore,
  PhotoRef,
  StoredPhotoBlob,
} from '../../../../../renderer/src/shared/photo-blob-store';
import { sha256Hex } from '../../../../../renderer/src/shared/sha256';

export class MemoryPhotoStore implements PhotoBlobStore {
  readonly blobs = new Map<string, StoredPhotoBlob>();
  gets = 0;

  async put(blob: StoredPhotoBlob): Promise<void> {
    this.blobs.set(blob.sha256, blob);
  }

  async get(sha256: string): Promise<Blob | undefined> {
    this.gets++;
    return this.blobs.get(sha256)?.bytes;
  }
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback and zero-delay timer run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function pictureFile(name: string, content: string = name): File {
  return new File([content], name, { type: 'image/jpeg' });
}

/** What a downscaler would answer for `file`: here the bytes are kept as they are. */
export async function processedFrom(file: Blob): Promise<ProcessedPhoto> {
  return {
    bytes: file,
    sha256: await sha256Hex(file),
    mime: 'image/jpeg',
    size: file.size,
    width: 4,
    height: 3,
  };
}

export async function storedPhoto(store: MemoryPhotoStore, content: string): Promise<PhotoRef> {
  const photo = await processedFrom(new Blob([content], { type: 'image/jpeg' }));
  await store.put(photo);
  return { sha256: photo.sha256, mime: photo.mime, size: photo.size };
}
