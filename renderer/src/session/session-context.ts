// Who is signed in, as React state: their profile (database, client, sync worker) or nothing,
// and whether the server has ended their session (work goes on; syncing waits for a sign-in).
import { createContext, useContext } from 'react';
import type { Profile } from './profile';

export interface SignInValues {
  username: string;
  password: string;
  serverUrl: string;
  /** The Settings switch for plain http to another computer, as saved with the address. */
  allowInsecureHttp: boolean;
}

export interface SessionContextValue {
  profile: Profile | null;
  /** True from a fresh sign-in until its first sync has finished (or failed). */
  firstSync: boolean;
  /**
   * True when the server no longer accepts the profile's session (expired or revoked): the
   * profile stays open and its work is kept, and it syncs again once renewSession succeeds.
   */
  expired: boolean;
  /**
   * Signs in; when the password is a first one an administrator gave, the profile waits for
   * changeFirstPassword (passwordChangeFor names the user meanwhile).
   */
  signIn(values: SignInValues): Promise<void>;
  /** The username whose first password must be changed before the profile opens, if any. */
  passwordChangeFor: string | null;
  /** Changes the first password of the waiting sign-in, then opens its profile and syncs. */
  changeFirstPassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Gives up the waiting sign-in (its session is ended on the server) and shows the sign-in. */
  cancelPasswordChange(): Promise<void>;
  /** Signs the profile's own user in again, on the same server and device; then syncs. */
  renewSession(password: string): Promise<void>;
  signOut(): Promise<void>;
}

/** Signing in again, the server answered for another account under the profile's username. */
export class OtherAccountError extends Error {
  override readonly name = 'OtherAccountError';
  constructor() {
    super('the server signed in another account under this username');
  }
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in profile; only for screens behind the sign-in. */
export function useProfile(): Profile {
  const { profile } = useSession();
  if (!profile) throw new Error('useProfile without a signed-in profile');
  return profile;
}
