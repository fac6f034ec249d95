import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  checkServerAddress,
  needsInsecurePermission,
} from '../../../../domain/transport/server-address';
import { useSession } from '../../session/session-context';
import { useSettings } from '../../shared/settings-context';
import { ServerUrlForm } from '../settings/ServerUrlForm';
import { useAppInfo } from '../settings/useAppInfo';
import { FormField } from './FormField';
import { signInErrorMessage } from './sign-in-error';
import { signInSchema } from './sign-in-schema';
import type { SignInInput, SignInOutput } from './sign-in-schema';

export function SignInForm() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { settings } = useSettings();
  const info = useAppInfo();
  const [failure, setFailure] = useState<string | null>(null);
  const [changingServer, setChangingServer] = useState(false);
  const { control, handleSubmit, formState } = useForm<SignInInput, unknown, SignInOutput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = formState;
  // The saved server, held to the transport rule: a refused one opens its form, which says why.
  const server = checkServerAddress(settings.serverUrl, settings);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    if (!server.ok) {
      setChangingServer(true);
      return;
    }
    try {
      await signIn({
        ...values,
        serverUrl: settings.serverUrl,
        allowInsecureHttp: settings.allowInsecureHttp,
      });
    } catch (error) {
      setFailure(signInErrorMessage(error, t, settings.serverUrl));
    }
  });

  return (
    <>
      <Form layout="vertical" component="div" requiredMark={false}>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <FormField
            control={control}
            name="username"
            id="username"
            label={t('signIn.username')}
            error={errors.username?.message}
          >
            {(input) => <Input {...input} autoComplete="username" />}
          </FormField>
          <FormField
            control={control}
            name="password"
            id="password"
            label={t('signIn.password')}
            error={errors.password?.message}
          >
            {(input) => <Input.Password {...input} autoComplete="current-password" />}
          </FormField>
          {failure ? <Alert type="error" title={failure} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>
            {t('signIn.submit')}
          </Button>
        </form>
      </Form>
      <Flex align="center" gap={8} wrap style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('signIn.server')}</Typography.Text>
        <Typography.Text code>{settings.serverUrl}</Typography.Text>
        {server.ok && needsInsecurePermission(settings.serverUrl) ? (
          <Tag color="warning">{t('transport.notEncrypted')}</Tag>
        ) : null}
        {!changingServer && server.ok ? (
          <Button type="link" size="small" onClick={() => setChangingServer(true)}>
            {t('transport.changeServer')}
          </Button>
        ) : null}
      </Flex>
      {info && (changingServer || !server.ok) ? (
        <div style={{ marginTop: 8 }}>
          <ServerUrlForm
            editableAddress={info.shell === 'electron'}
            validateOnMount={!server.ok}
            onSaved={() => setChangingServer(false)}
            {...(server.ok ? { onCancel: () => setChangingServer(false) } : {})}
          />
        </div>
      ) : null}
    </>
  );
}
