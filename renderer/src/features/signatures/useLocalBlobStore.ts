// The signed-in user's local blobs (photos and signatures) as a PhotoBlobStore, for the image
// components of the photo feature.
import { useProfile } from '../../session/session-context';
import { photoBlobStoreFor } from '../../db/repositories/photo-blob-store';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';

export function useLocalBlobStore(): PhotoBlobStore {
  const { db } = useProfile();
  return photoBlobStoreFor(db);
}
