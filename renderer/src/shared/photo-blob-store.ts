// The contract between the photo pipeline and wherever photo bytes are kept (the local database
// implements it); photos are addressed by the SHA-256 of their stored bytes.
import type { BlobRef } from '../../../domain/schemas/common';

/** What a record keeps of a photo: the address, type and size of its bytes. */
export type PhotoRef = BlobRef;

export interface StoredPhotoBlob {
  sha256: string;
  mime: PhotoRef['mime'];
  size: number;
  bytes: Blob;
}

export interface PhotoBlobStore {
  /** Keeps the bytes; storing the same sha256 twice is harmless. */
  put(blob: StoredPhotoBlob): Promise<void>;
  /** The bytes, or undefined when they are not on this device (yet). */
  get(sha256: string): Promise<Blob | undefined>;
}
