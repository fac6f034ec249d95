// The contract between the photo pipeline and wherever photo bytes are kept (the local database
// implements it); photos are addressed by the SHA-256 of their stored bytes.
import type { PhotoRef as DomainPhotoRef } from '../../../domain/schemas/photo-evidence';

/**
 * What a record keeps of a photo: the address, type and size of its bytes, and when and where it
 * was taken.
 */
export type PhotoRef = DomainPhotoRef;

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
