// The dialog that asks for the password again after the server ended the session: the password
// has the focus, an empty one is named at its field, a wrong one is the server's refusal (the
// dialog stays, the focus back in the field), and the right one renews and closes it.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { RenewSessionDialog } from '../../../../../renderer/src/features/sign-in/RenewSessionDialog';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { SessionContext } from '../../../../../renderer/src/session/session-context';
import { ApiError } from '../../../../../renderer/src/sync/errors';
import { errorOf } from '../../support/field-error';
import { signedInSession, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

/** The dialog's button; its name may still carry antd's fading "loading" icon after a try. */
const signInButton = () => screen.getByRole('button', { name: /Sign in$/ });

function renderDialog(renewSession: (password: string) => Promise<void>) {
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <AntApp>
        <SessionContext.Provider value={{ ...signedInSession(profile), renewSession }}>
          <RenewSessionDialog open onClose={onClose} />
        </SessionContext.Provider>
      </AntApp>
    </I18nextProvider>,
  );
  return { onClose, user: userEvent.setup({ delay: null }) };
}

describe('signing in again after the session ended', { timeout: 30_000 }, () => {
  it('asks for the password, refuses a wrong one and renews with the right one', async () => {
    const tried: string[] = [];
    const { onClose, user } = renderDialog(async (password) => {
      tried.push(password);
      if (password !== 'right-pass-1') {
        throw new ApiError(401, 'invalid_credentials', 'invalid username or password');
      }
    });
    const password = await screen.findByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(password));

    await user.click(signInButton());
    await waitFor(() => expect(errorOf('Password')).not.toBeNull());
    expect(tried).toEqual([]);

    await user.type(password, 'wrong-pass-1');
    await user.click(signInButton());
    expect(await screen.findByText('Wrong username or password')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(password));

    await user.clear(password);
    await user.type(password, 'right-pass-1');
    await user.click(signInButton());
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(tried).toEqual(['wrong-pass-1', 'right-pass-1']);
  });
});
