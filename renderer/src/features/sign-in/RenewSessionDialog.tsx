import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginRequestSchema } from '../../../../domain/sync/protocol';
import { OtherAccountError, useProfile, useSession } from '../../session/session-context';
import { FormField } from './FormField';
import { signInErrorMessage } from './sign-in-error';

const renewSchema = z.object({ password: loginRequestSchema.shape.password });
type RenewValues = z.infer<typeof renewSchema>;

interface Props {
  open: boolean;
  onClose(): void;
}

/**
 * Asks the signed-in user for their password again after the server ended the session: the same
 * account, server and device, so that the work queued on this device syncs as it is.
 */
export function RenewSessionDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useProfile();
  const { renewSession } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const password = useRef<InputRef>(null);
  const { control, handleSubmit, formState, reset } = useForm<RenewValues>({
    resolver: zodResolver(renewSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await renewSession(values.password);
      onClose();
      void message.success(t('sessionExpired.renewed'));
    } catch (error) {
      setFailure(
        error instanceof OtherAccountError
          ? t('sessionExpired.otherAccount')
          : signInErrorMessage(error, t, session.serverUrl),
      );
      password.current?.focus();
    }
  });

  return (
    <Modal
      open={open}
      title={t('sessionExpired.dialogTitle')}
      footer={null}
      destroyOnHidden
      onCancel={onClose}
      afterClose={() => {
        reset();
        setFailure(null);
      }}
    >
      <Form layout="vertical" component="div" requiredMark={false}>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <Typography.Paragraph>
            {t('sessionExpired.dialogIntro', {
              name: session.user.displayName,
              username: session.user.username,
              server: session.serverUrl,
            })}
          </Typography.Paragraph>
          <FormField
            control={control}
            name="password"
            id="renew-password"
            label={t('signIn.password')}
            error={formState.errors.password?.message}
          >
            {(input) => (
              <Input.Password
                {...input}
                ref={password}
                // The one thing to type: it has the focus as the dialog opens.
                autoFocus
                autoComplete="current-password"
              />
            )}
          </FormField>
          {failure ? <Alert type="error" title={failure} style={{ marginBottom: 16 }} /> : null}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('sessionExpired.later')}</Button>
            <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
              {t('sessionExpired.submit')}
            </Button>
          </Flex>
        </form>
      </Form>
    </Modal>
  );
}
