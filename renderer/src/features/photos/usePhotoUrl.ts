import { useEffect, useState } from 'react';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';

export type PhotoUrlState =
  | { status: 'loading' }
  | { status: 'ready'; url: string }
  | { status: 'missing' }
  | { status: 'error' };

/**
 * An object URL for the stored photo `sha256`, revoked when the photo changes or the component
 * goes away. `store` must keep its identity between renders (memoise it).
 */
export function usePhotoUrl(store: PhotoBlobStore, sha256: string | undefined): PhotoUrlState {
  const [loaded, setLoaded] = useState<{ sha256: string; state: PhotoUrlState } | null>(null);

  useEffect(() => {
    if (!sha256) return;
    let cancelled = false;
    let url: string | undefined;
    store.get(sha256).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) {
          setLoaded({ sha256, state: { status: 'missing' } });
          return;
        }
        url = URL.createObjectURL(blob);
        setLoaded({ sha256, state: { status: 'ready', url } });
      },
      () => {
        if (!cancelled) setLoaded({ sha256, state: { status: 'error' } });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, sha256]);

  if (!sha256) return { status: 'missing' };
  return loaded?.sha256 === sha256 ? loaded.state : { status: 'loading' };
}
