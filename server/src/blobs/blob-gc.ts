// Owns collecting unused blobs: a blob that no record has ever referred to, and that nobody has
// uploaded for a grace period, goes (its row, its uploads and its bytes, files included). A blob
// a record once referred to stays for good, even when no record refers to it any more: it may be
// evidence that the record's history names. Runs periodically in the server process
// (startBlobCollector) and on demand from `npm run admin -- collect-blobs`.
import type { Database } from '../db/database';
import type { BlobStore } from './blob-store';

/**
 * Blobs removed per transaction: each holds the version lock, which pushes wait for, briefly. The
 * candidates are read oldest first from the never-referenced blobs' index, each checked by key.
 */
const COLLECT_BATCH = 500;

export interface CollectResult {
  blobs: number;
  bytes: number;
}

/**
 * Removes the blobs unused for `graceMs` before `now`. Each transaction takes the version lock,
 * which every push holds while it checks and writes the references of its batch: a blob checked
 * as present is not removed before the batch that refers to it commits, and after that it is
 * referenced.
 */
export async function collectUnusedBlobs(
  db: Database,
  store: BlobStore,
  { now, graceMs }: { now: Date; graceMs: number },
): Promise<CollectResult> {
  const cutoff = new Date(now.getTime() - graceMs).toISOString();
  const result: CollectResult = { blobs: 0, bytes: 0 };
  for (;;) {
    const gone = await db.transaction(async (tx) => {
      await tx.query('SELECT version FROM sync_state FOR UPDATE');
      return tx.query<{ sha256: string; size: number }>(
        `WITH unused AS (
           SELECT b.sha256 FROM blobs b
           WHERE NOT b.referenced AND b.created_at < $1::timestamptz
             AND NOT EXISTS (SELECT 1 FROM blob_refs r WHERE r.sha256 = b.sha256 OFFSET 0)
             AND NOT EXISTS (SELECT 1 FROM blob_uploads u
                             WHERE u.sha256 = b.sha256 AND u.uploaded_at >= $1::timestamptz
                             OFFSET 0)
           ORDER BY b.created_at LIMIT $2),
         uploads AS (DELETE FROM blob_uploads u USING unused WHERE u.sha256 = unused.sha256)
         DELETE FROM blobs b USING unused WHERE b.sha256 = unused.sha256
         RETURNING b.sha256, b.size`,
        [cutoff, COLLECT_BATCH],
      );
    });
    // After the commit: a file removed before it would leave a row without bytes on a rollback.
    await store.removeBytes(
      db,
      gone.map((g) => g.sha256),
    );
    result.blobs += gone.length;
    result.bytes += gone.reduce((sum, g) => sum + g.size, 0);
    if (gone.length < COLLECT_BATCH) return result;
  }
}

export interface BlobCollector {
  /** Stops the timer; resolves once a collection under way has finished. */
  stop(): Promise<void>;
}

/** Hourly: uploads become unused in days, so an hour late costs nothing. */
export const COLLECT_EVERY_MS = 60 * 60 * 1000;

/**
 * Collects unused blobs every `everyMs`, the first time `everyMs` after the start (not while the
 * server starts); a failure is reported and the next run tries again.
 */
export function startBlobCollector(options: {
  db: Database;
  store: BlobStore;
  clock: () => Date;
  graceMs: number;
  everyMs?: number;
  report: (message: string, error?: unknown) => void;
}): BlobCollector {
  const { db, store, clock, graceMs, report } = options;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = collectUnusedBlobs(db, store, { now: clock(), graceMs })
      .then(
        ({ blobs, bytes }) => {
          if (blobs > 0) report(`Removed ${blobs} unused photos and signatures (${bytes} bytes).`);
        },
        (error: unknown) => report('Collecting unused photos and signatures failed:', error),
      )
      .finally(() => {
        running = null;
      });
  }, options.everyMs ?? COLLECT_EVERY_MS);
  // Never what keeps the process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
