// Fetches, while online, the photos and signatures of the inspection under review that are not
// on this device yet (sync brings records, not their pictures); `generation` changes once new
// bytes are stored, so that image components can read them again.
import { useEffect, useMemo, useState } from 'react';
import type { BlobRef } from '../../../../domain/schemas/common';
import { useProfile } from '../../session/session-context';
import { useOnline } from '../../shared/useOnline';
import { downloadMissingBlobs } from '../../db/repositories/blob-downloads';

export interface BlobDownload {
  status: 'idle' | 'downloading' | 'done' | 'failed';
  generation: number;
}

export function useBlobDownload(refs: readonly BlobRef[]): BlobDownload {
  const { db, client } = useProfile();
  const online = useOnline();
  const [state, setState] = useState<BlobDownload>({ status: 'idle', generation: 0 });
  // The same blobs are the same request, whatever the identity of `refs`.
  const key = useMemo(() => {
    const unique = new Map(refs.map((r) => [r.sha256, r]));
    return JSON.stringify([...unique.values()].sort((a, b) => a.sha256.localeCompare(b.sha256)));
  }, [refs]);

  useEffect(() => {
    const list = JSON.parse(key) as BlobRef[];
    if (!online || list.length === 0) return;
    let cancelled = false;
    setState((s) => ({ ...s, status: 'downloading' }));
    void downloadMissingBlobs(db, (hash) => client.getBlob(hash), list).then(
      ({ downloaded, failed }) => {
        if (cancelled) return;
        setState((s) => ({
          status: failed > 0 ? 'failed' : 'done',
          generation: downloaded > 0 ? s.generation + 1 : s.generation,
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, client, online, key]);

  return state;
}
