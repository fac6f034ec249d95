import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PlatformApi, Session } from '../../../domain/platform/contract';
import type { LoginResponse } from '../../../domain/sync/protocol';
import { deleteUserDatabase } from '../db/database';
import { createApiClient } from '../sync/api-client';
import { changePassword } from '../sync/change-password';
import { previousDeviceId, rememberProfile } from '../sync/device-identity';
import { ApiError } from '../sync/errors';
import { createRevocationQueue } from '../sync/revocations';
import { deviceName } from './device-name';
import { closeProfile, openProfile, renewProfile } from '../session/profile';
import type { Profile } from '../session/profile';
import { OtherAccountError, SessionContext } from '../session/session-context';
import type { SignInValues } from '../session/session-context';
import { useSettings } from '../shared/settings-context';

/** A sign-in the server accepted, as the profile is opened from it. */
interface PendingSignIn {
  serverUrl: string;
  allowed: boolean;
  username: string;
  answer: LoginResponse;
}

interface Props {
  api: PlatformApi;
  children: ReactNode;
}

/**
 * Restores a remembered session without touching the network (so the app opens offline), checks
 * its token in the background when online, and signs in and out. A session the server no
 * longer accepts leaves the profile open: work goes on and stays queued, and signing in again
 * renews it. Tokens of sign-outs made offline are revoked at the next contact with their server.
 */
export function SessionProvider({ api, children }: Props) {
  const { settings, updateSettings } = useSettings();
  // Read by the profile's client at each request: turning the switch off stops it at once.
  const allowInsecureHttp = useRef(settings.allowInsecureHttp);
  useEffect(() => {
    allowInsecureHttp.current = settings.allowInsecureHttp;
  }, [settings.allowInsecureHttp]);
  const [loaded, setLoaded] = useState(false);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [firstSync, setFirstSync] = useState(false);
  const [expired, setExpired] = useState(false);
  /** A sign-in whose first password must be changed: held here, no profile opened, no sync. */
  const [pending, setPending] = useState<PendingSignIn | null>(null);
  const current = useRef<Profile | null>(null);
  const revocations = useMemo(
    () => createRevocationQueue(api, { allowInsecureHttp: () => allowInsecureHttp.current }),
    [api],
  );

  /** The server refused `from`'s token: stop syncing it until its user signs in again. */
  const expire = useCallback((from: Profile) => {
    if (current.current !== from) return;
    from.engine.stop();
    setExpired(true);
  }, []);

  const signOutRef = useRef<() => Promise<void>>(async () => undefined);
  /**
   * An administrator ordered this device wiped and everything it held has been sent: sign out and
   * delete the user's local database (and with it this device's id, so the next sign-in here is
   * a new device).
   */
  const wipe = useCallback(async (from: Profile) => {
    if (current.current !== from) return;
    await signOutRef.current();
    await deleteUserDatabase(from.session.user.id);
  }, []);

  /** Makes `session` the signed-in one: a new profile, or `renewing` with a new token. */
  const activate = useCallback(
    (session: Session, renewing?: Profile): Profile => {
      const options = {
        onUnauthorized: () => expire(opened),
        onWiped: () => void wipe(opened),
        allowInsecureHttp: () => allowInsecureHttp.current,
      };
      if (current.current && current.current !== renewing) closeProfile(current.current);
      const opened: Profile = renewing
        ? renewProfile(renewing, session, options)
        : openProfile(session, options);
      current.current = opened;
      setProfile(opened);
      setExpired(false);
      opened.engine.start();
      return opened;
    },
    [expire, wipe],
  );

  const signOut = useCallback(async () => {
    const leaving = current.current;
    current.current = null;
    setProfile(null);
    setFirstSync(false);
    setExpired(false);
    if (leaving) {
      closeProfile(leaving);
      const { serverUrl, token } = leaving.session;
      try {
        // Kept first, so that it is revoked later if this attempt cannot reach the server.
        await revocations.add({ serverUrl, token });
        void revocations.flush(serverUrl).catch(() => undefined);
      } catch {
        // This platform cannot keep it (no key store): revoke it now if the server is reachable;
        // otherwise it expires on the server by itself.
        void leaving.client.logout().catch(() => undefined);
      }
    }
    await api.clearSession();
  }, [api, revocations]);
  useEffect(() => {
    signOutRef.current = signOut;
  }, [signOut]);

  useEffect(() => {
    let cancelled = false;
    void api.loadSession().then((session) => {
      if (cancelled) return;
      if (session) {
        const restored = activate(session);
        if (navigator.onLine) {
          restored.client.me().catch((error: unknown) => {
            if (error instanceof ApiError && error.unauthorized) expire(restored);
          });
        }
      }
      setLoaded(true);
    });
    return () => {
      cancelled = true;
      if (current.current) closeProfile(current.current);
      current.current = null;
    };
  }, [api, activate, expire]);

  // The first contact this device can make revokes the tokens of offline sign-outs.
  useEffect(() => {
    const flush = () => {
      if (navigator.onLine) void revocations.flush().catch(() => undefined);
    };
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [revocations]);

  /** Opens the profile of an accepted sign-in and runs its first sync. */
  const open = useCallback(
    async ({ serverUrl, allowed, username, answer }: PendingSignIn) => {
      rememberProfile(serverUrl, username, answer.user.id);
      const session: Session = {
        token: answer.token,
        deviceId: answer.deviceId,
        serverUrl,
        user: answer.user,
      };
      await api.storeSession(session);
      await updateSettings({ serverUrl, allowInsecureHttp: allowed });
      setFirstSync(true);
      const opened = activate(session);
      await opened.engine.syncNow();
      if (current.current === opened) setFirstSync(false);
    },
    [api, activate, updateSettings],
  );

  const signIn = useCallback(
    async ({ username, password, serverUrl, allowInsecureHttp: allowed }: SignInValues) => {
      const client = createApiClient({ serverUrl, allowInsecureHttp: () => allowed });
      await revocations.flush(client.serverUrl).catch(() => undefined);
      // The same device keeps its id, so that its queued mutations keep their numbering.
      const deviceId = await previousDeviceId(client.serverUrl, username).catch(() => undefined);
      const answer = await client.login({
        username,
        password,
        deviceName: deviceName(await api.appInfo()),
        ...(deviceId ? { deviceId } : {}),
      });
      const accepted = { serverUrl: client.serverUrl, allowed, username, answer };
      // The server serves this session nothing else until the password is changed.
      if (answer.passwordChangeRequired === true) setPending(accepted);
      else await open(accepted);
    },
    [api, open, revocations],
  );

  const changeFirstPassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      if (!pending) throw new Error('changeFirstPassword without a waiting sign-in');
      const { serverUrl, allowed, answer } = pending;
      const client = createApiClient({
        serverUrl,
        token: answer.token,
        allowInsecureHttp: () => allowed,
      });
      await changePassword(client.http, { currentPassword, newPassword });
      setPending(null);
      await open(pending);
    },
    [pending, open],
  );

  const cancelPasswordChange = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    const { serverUrl, answer } = pending;
    await revocations.add({ serverUrl, token: answer.token }).catch(() => undefined);
    void revocations.flush(serverUrl).catch(() => undefined);
  }, [pending, revocations]);

  const renewSession = useCallback(
    async (password: string) => {
      const renewing = current.current;
      if (!renewing) throw new Error('renewSession without a signed-in profile');
      const { serverUrl, user, deviceId } = renewing.session;
      const client = createApiClient({ serverUrl });
      await revocations.flush(serverUrl).catch(() => undefined);
      // Its own device id: the server keeps the device's numbering, so the queue goes on as it is.
      const answer = await client.login({
        username: user.username,
        password,
        deviceName: deviceName(await api.appInfo()),
        deviceId,
      });
      if (answer.user.id !== user.id) {
        // This profile's queued work must never travel under another account's token.
        await createApiClient({ serverUrl, token: answer.token })
          .logout()
          .catch(() => undefined);
        throw new OtherAccountError();
      }
      const session: Session = {
        token: answer.token,
        deviceId: answer.deviceId,
        serverUrl,
        user: answer.user,
      };
      if (current.current !== renewing) {
        // Signed out while the answer was on its way: this token is not wanted either.
        await revocations.add({ serverUrl, token: answer.token }).catch(() => undefined);
        return;
      }
      await api.storeSession(session);
      if (current.current === renewing) activate(session, renewing);
      else await api.clearSession();
    },
    [api, activate, revocations],
  );

  const passwordChangeFor = pending?.username ?? null;
  const value = useMemo(
    () => ({
      profile,
      firstSync,
      expired,
      signIn,
      passwordChangeFor,
      changeFirstPassword,
      cancelPasswordChange,
      renewSession,
      signOut,
    }),
    [
      profile,
      firstSync,
      expired,
      signIn,
      passwordChangeFor,
      changeFirstPassword,
      cancelPasswordChange,
      renewSession,
      signOut,
    ],
  );
  if (!loaded) return null;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
