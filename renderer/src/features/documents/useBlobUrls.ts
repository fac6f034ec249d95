// Object URLs for the blobs (photos, signatures) a document shows, all loaded (or failed, then
// printed by name) before the document says it is ready to print, and revoked when it goes away:
// from this device's own blobs, or from the server's for blobs the device may not hold.
import { useEffect, useState } from 'react';
import { getLocalBlobs } from '../../db/repositories/blobs';
import { useProfile } from '../../session/session-context';

export interface BlobUrls {
  /** sha256 → object URL; a blob that could not be read has no entry. */
  urls: ReadonlyMap<string, string>;
  loaded: boolean;
}

/**
 * Object URLs of the blobs `read` finds among `hashes`. `source` is what `read` reads from (the
 * database, the server's client): reading starts again when it or the hashes change.
 */
function useObjectUrls(
  hashes: readonly string[],
  read: (wanted: string[]) => Promise<ReadonlyMap<string, Blob>>,
  source: unknown,
): BlobUrls {
  const key = [...new Set(hashes)].sort().join(',');
  const [state, setState] = useState<{ key: string; urls: Map<string, string> } | null>(null);

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',');
    let cancelled = false;
    const urls = new Map<string, string>();
    void read(wanted)
      .catch(() => new Map<string, Blob>())
      .then((blobs) => {
        if (cancelled) return;
        for (const [sha256, blob] of blobs) urls.set(sha256, URL.createObjectURL(blob));
        setState({ key, urls });
      });
    return () => {
      cancelled = true;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
    // `read` is a new function at each render; `source` and `key` say when what it reads changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key]);

  return state?.key === key
    ? { urls: state.urls, loaded: true }
    : { urls: new Map(), loaded: false };
}

/** The blobs stored on this device. */
export function useBlobUrls(hashes: readonly string[]): BlobUrls {
  const { db } = useProfile();
  return useObjectUrls(
    hashes,
    async (wanted) =>
      new Map(
        (await getLocalBlobs(db, wanted)).flatMap((row) => (row ? [[row.sha256, row.data]] : [])),
      ),
    db,
  );
}

/**
 * Blobs the server holds and this device may not (a case's receipt signatures, uploaded by
 * whoever recorded it), read from GET /blobs/:sha256; one that fails is left out.
 */
export function useServerBlobUrls(hashes: readonly string[]): BlobUrls {
  const { client } = useProfile();
  return useObjectUrls(
    hashes,
    async (wanted) => {
      const blobs = new Map<string, Blob>();
      await Promise.allSettled(
        wanted.map(async (sha256) => blobs.set(sha256, await client.getBlob(sha256))),
      );
      return blobs;
    },
    client,
  );
}
