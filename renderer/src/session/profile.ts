// A signed-in profile: the user's own local database, the server client with their token, and
// their sync worker. Opened when a session starts or is restored, renewed (same database, new
// token) when its user signs in again after the session ended, closed on sign-out.
import { openUserDatabase } from '../db/database';
import type { FieldInspectorDb } from '../db/database';
import type { Session } from '../../../domain/platform/contract';
import { createApiClient } from '../sync/api-client';
import type { ApiClient } from '../sync/api-client';
import { createSyncEngine } from '../sync/sync-engine';
import type { SyncEngine, SyncEnvironment } from '../sync/sync-engine';

export interface Profile {
  session: Session;
  db: FieldInspectorDb;
  client: ApiClient;
  engine: SyncEngine;
}

export interface ProfileOptions {
  onUnauthorized: () => void;
  /** An administrator's wipe is done on the server's side: delete the local data, sign out. */
  onWiped?: () => void;
  /** The Settings switch for plain http to another computer, read at each request. */
  allowInsecureHttp?: () => boolean;
  fetch?: typeof fetch;
  syncEnvironment?: SyncEnvironment;
}

export function openProfile(session: Session, options: ProfileOptions): Profile {
  return withSession(openUserDatabase(session.user.id), session, options);
}

/**
 * The same user's profile with a new session: the database stays open (screens reading it and
 * the outbox carry on); the old sync worker stops and one with the new token takes over.
 */
export function renewProfile(profile: Profile, session: Session, options: ProfileOptions): Profile {
  if (session.user.id !== profile.session.user.id) {
    throw new Error('renewProfile: the new session belongs to another user');
  }
  profile.engine.stop();
  return withSession(profile.db, session, options);
}

function withSession(db: FieldInspectorDb, session: Session, options: ProfileOptions): Profile {
  const client = createApiClient({
    serverUrl: session.serverUrl,
    token: session.token,
    ...(options.allowInsecureHttp ? { allowInsecureHttp: options.allowInsecureHttp } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const engine = createSyncEngine({
    userId: session.user.id,
    deviceId: session.deviceId,
    db,
    client,
    onUnauthorized: options.onUnauthorized,
    ...(options.onWiped ? { onWiped: options.onWiped } : {}),
    reviewsConflicts: session.user.role !== 'inspector',
    ...(options.syncEnvironment ? { env: options.syncEnvironment } : {}),
  });
  return { session, db, client, engine };
}

export function closeProfile(profile: Profile): void {
  profile.engine.stop();
  profile.db.close();
}
