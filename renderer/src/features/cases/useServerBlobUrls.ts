// Object URLs for blobs the server holds and this device may not (a case's receipt signatures,
// uploaded by whoever recorded it), read from GET /blobs/:sha256, all loaded (or failed, then
// printed by name) before the page says it is ready, and revoked when it goes away.
import { useEffect, useState } from 'react';
import { useProfile } from '../../session/session-context';
import type { BlobUrls } from '../documents/useBlobUrls';

export function useServerBlobUrls(hashes: readonly string[]): BlobUrls {
  const { client } = useProfile();
  const key = [...new Set(hashes)].sort().join(',');
  const [state, setState] = useState<{ key: string; urls: Map<string, string> } | null>(null);

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',');
    let cancelled = false;
    const urls = new Map<string, string>();
    void Promise.allSettled(
      wanted.map(async (sha256) => {
        const blob = await client.getBlob(sha256);
        if (!cancelled) urls.set(sha256, URL.createObjectURL(blob));
      }),
    ).then(() => {
      if (!cancelled) setState({ key, urls });
    });
    return () => {
      cancelled = true;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [client, key]);

  return state?.key === key
    ? { urls: state.urls, loaded: true }
    : { urls: new Map(), loaded: false };
}
