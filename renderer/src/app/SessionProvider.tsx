import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PlatformApi, Session } from '../platform/contract';
import { createApiClient } from '../sync/api-client';
import { previousDeviceId, rememberProfile } from '../sync/device-identity';
import { ApiError } from '../sync/errors';
import { deviceName } from './device-name';
import { closeProfile, openProfile } from './profile';
import type { Profile } from './profile';
import { SessionContext } from './session-context';
import type { SessionNotice, SignInValues } from './session-context';
import { useSettings } from './settings-context';

interface Props {
  api: PlatformApi;
  children: ReactNode;
}

/**
 * Restores a remembered session without touching the network (so the app opens offline), checks
 * its token in the background when online, and signs in and out.
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
  const [notice, setNotice] = useState<SessionNotice>(null);
  const current = useRef<Profile | null>(null);

  const signOut = useCallback(
    async (next: SessionNotice = null) => {
      const leaving = current.current;
      current.current = null;
      setProfile(null);
      setFirstSync(false);
      setNotice(next);
      if (leaving) {
        closeProfile(leaving);
        // Revoke the token when we still can; offline, the server lets it expire.
        if (next === null) void leaving.client.logout().catch(() => undefined);
      }
      await api.clearSession();
    },
    [api],
  );

  const activate = useCallback(
    (session: Session): Profile => {
      if (current.current) closeProfile(current.current);
      const opened = openProfile(session, {
        onUnauthorized: () => void signOut('sessionExpired'),
        allowInsecureHttp: () => allowInsecureHttp.current,
      });
      current.current = opened;
      setProfile(opened);
      opened.engine.start();
      return opened;
    },
    [signOut],
  );

  useEffect(() => {
    let cancelled = false;
    void api.loadSession().then((session) => {
      if (cancelled) return;
      if (session) {
        const restored = activate(session);
        if (navigator.onLine) {
          restored.client.me().catch((error: unknown) => {
            if (error instanceof ApiError && error.unauthorized && current.current === restored) {
              void signOut('sessionExpired');
            }
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
  }, [api, activate, signOut]);

  const signIn = useCallback(
    async ({ username, password, serverUrl, allowInsecureHttp: allowed }: SignInValues) => {
      const client = createApiClient({ serverUrl, allowInsecureHttp: () => allowed });
      // The same device keeps its id, so that its queued mutations keep their numbering.
      const deviceId = await previousDeviceId(client.serverUrl, username).catch(() => undefined);
      const answer = await client.login({
        username,
        password,
        deviceName: deviceName(await api.appInfo()),
        ...(deviceId ? { deviceId } : {}),
      });
      rememberProfile(client.serverUrl, username, answer.user.id);
      const session: Session = {
        token: answer.token,
        deviceId: answer.deviceId,
        serverUrl: client.serverUrl,
        user: answer.user,
      };
      await api.storeSession(session);
      await updateSettings({ serverUrl: client.serverUrl, allowInsecureHttp: allowed });
      setNotice(null);
      setFirstSync(true);
      const opened = activate(session);
      await opened.engine.syncNow();
      if (current.current === opened) setFirstSync(false);
    },
    [api, activate, updateSettings],
  );

  const value = useMemo(
    () => ({ profile, firstSync, notice, signIn, signOut }),
    [profile, firstSync, notice, signIn, signOut],
  );
  if (!loaded) return null;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
