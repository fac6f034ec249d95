// What every route plugin is given by the app factory.
import type { Database } from '../db/database';
import type { BlobStore } from '../blobs/blob-store';
import type { SessionLimits } from '../auth/sessions';

/** Points where a test can act inside a request; production leaves them unset. */
export interface TestHooks {
  /** Called inside a push transaction after its writes, before it commits. */
  beforePushCommit?: () => Promise<void>;
}

export interface RouteContext {
  db: Database;
  clock: () => Date;
  blobs: BlobStore;
  hooks?: TestHooks;
  /** How long the sessions a sign-in opens may live (DEFAULT_SESSION_LIMITS if unset). */
  sessionLimits?: SessionLimits;
  /** Bytes one user may have uploaded that no record refers to yet. */
  uploadQuotaBytes: number;
}
