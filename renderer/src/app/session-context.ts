// Who is signed in, as React state: their profile (database, client, sync worker) or nothing.
import { createContext, useContext } from 'react';
import type { Profile } from './profile';

export interface SignInValues {
  username: string;
  password: string;
  serverUrl: string;
  /** The Settings switch for plain http to another computer, as saved with the address. */
  allowInsecureHttp: boolean;
}

export type SessionNotice = 'sessionExpired' | null;

export interface SessionContextValue {
  profile: Profile | null;
  /** True from a fresh sign-in until its first sync has finished (or failed). */
  firstSync: boolean;
  notice: SessionNotice;
  signIn(values: SignInValues): Promise<void>;
  signOut(notice?: SessionNotice): Promise<void>;
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
