// Turns a failed sign-in into a sentence a person can act on.
import type { TFunction } from 'i18next';
import { ApiError, NetworkError, ServerAddressError } from '../../sync/errors';

export function signInErrorMessage(error: unknown, t: TFunction, serverUrl: string): string {
  if (error instanceof NetworkError) return t('signIn.unreachable', { url: serverUrl });
  if (error instanceof ServerAddressError) return t(`errors.serverUrl.${error.problem}`);
  if (error instanceof ApiError) {
    if (error.status === 401) return t('signIn.invalidCredentials');
    if (error.code === 'account_deactivated') return t('signIn.deactivated');
    if (error.code === 'device_wiped') return t('signIn.deviceWiped');
    if (error.status === 429) {
      // The wait grows from a second: say seconds while it is short.
      const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
      if (seconds < 60) return t('signIn.rateLimitedSeconds', { count: seconds });
      return t('signIn.rateLimited', { count: Math.ceil(seconds / 60) });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('signIn.serverError', { message });
}
