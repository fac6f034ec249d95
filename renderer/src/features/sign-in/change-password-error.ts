// A refused password change as a sentence a person can act on.
import type { TFunction } from 'i18next';
import { ApiError } from '../../sync/errors';
import { signInErrorMessage } from './sign-in-error';

export function changePasswordErrorMessage(error: unknown, t: TFunction, serverUrl: string) {
  if (error instanceof ApiError) {
    if (error.code === 'wrong_password') return t('admin.changePassword.wrongCurrent');
    if (error.status === 400 && error.issues.some((i) => i.path === 'newPassword')) {
      return error.issues.some((i) => i.message.includes('differ'))
        ? t('errors.password.sameAsOld')
        : t('errors.password.tooShort');
    }
  }
  return signInErrorMessage(error, t, serverUrl);
}
