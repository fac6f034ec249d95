// Which device id this device had for a user on a server, so that signing in again asks the
// server to keep it (and with it the numbering of the device's mutations). The id itself lives in
// the user's own database next to the mid counter, so that the two can never disagree: when the
// database is gone, so is the id, and the server hands out a new one. Only the username-to-user
// mapping is kept in localStorage (the user id is needed to find the database before sign-in).
import { Dexie } from 'dexie';
import { databaseName, openUserDatabase } from '../db/database';
import { getDeviceId } from '../db/repositories/meta';

const KEY = 'fi.knownProfiles';

type Known = Record<string, string>;

const profileKey = (serverUrl: string, username: string) =>
  `${serverUrl.replace(/\/+$/, '')} ${username.toLowerCase()}`;

function readKnown(storage: Storage): Known {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Known) : {};
  } catch {
    return {};
  }
}

export function rememberProfile(
  serverUrl: string,
  username: string,
  userId: string,
  storage: Storage = window.localStorage,
): void {
  storage.setItem(
    KEY,
    JSON.stringify({ ...readKnown(storage), [profileKey(serverUrl, username)]: userId }),
  );
}

/** The device id of this user's earlier sessions on this device, if their database remains. */
export async function previousDeviceId(
  serverUrl: string,
  username: string,
  storage: Storage = window.localStorage,
): Promise<string | undefined> {
  const userId = readKnown(storage)[profileKey(serverUrl, username)];
  if (!userId || !(await Dexie.exists(databaseName(userId)))) return undefined;
  const db = openUserDatabase(userId);
  try {
    return (await getDeviceId(db)) ?? undefined;
  } finally {
    db.close();
  }
}
