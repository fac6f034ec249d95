// Object URLs for the local blobs (photos, signatures) a document shows, all loaded before the
// document says it is ready to print, and revoked when it goes away.
import { useEffect, useState } from 'react';
import { getLocalBlobs } from '../../db/repositories/blobs';
import { useProfile } from '../../session/session-context';

export interface BlobUrls {
  /** sha256 → object URL; a blob missing on this device has no entry. */
  urls: ReadonlyMap<string, string>;
  loaded: boolean;
}

export function useBlobUrls(hashes: readonly string[]): BlobUrls {
  const { db } = useProfile();
  const key = [...new Set(hashes)].sort().join(',');
  const [state, setState] = useState<{ key: string; urls: Map<string, string> } | null>(null);

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',');
    let cancelled = false;
    const urls = new Map<string, string>();
    void getLocalBlobs(db, wanted).then(
      (rows) => {
        if (cancelled) return;
        for (const row of rows) if (row) urls.set(row.sha256, URL.createObjectURL(row.data));
        setState({ key, urls });
      },
      () => {
        if (!cancelled) setState({ key, urls });
      },
    );
    return () => {
      cancelled = true;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [db, key]);

  return state?.key === key
    ? { urls: state.urls, loaded: true }
    : { urls: new Map(), loaded: false };
}
