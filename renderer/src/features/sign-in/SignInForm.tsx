import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';
import { useSettings } from '../../app/settings-context';
import { FormField } from './FormField';
import { signInErrorMessage } from './sign-in-error';
import { signInSchema } from './sign-in-schema';
import type { SignInInput, SignInOutput } from './sign-in-schema';

export function SignInForm() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { settings } = useSettings();
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<SignInInput, unknown, SignInOutput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '', serverUrl: settings.serverUrl },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
    } catch (error) {
      setFailure(signInErrorMessage(error, t, values.serverUrl));
    }
  });

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormField id="username" label={t('signIn.username')} error={errors.username?.message}>
          {(aria) => (
            <Controller
              name="username"
              control={control}
              render={({ field }) => (
                <Input {...field} {...aria} id="username" autoComplete="username" />
              )}
            />
          )}
        </FormField>
        <FormField id="password" label={t('signIn.password')} error={errors.password?.message}>
          {(aria) => (
            <Controller
              name="password"
              control={control}
              render={({ field }) => (
                <Input.Password
                  {...field}
                  {...aria}
                  id="password"
                  autoComplete="current-password"
                />
              )}
            />
          )}
        </FormField>
        <FormField id="serverUrl" label={t('signIn.server')} error={errors.serverUrl?.message}>
          {(aria) => (
            <Controller
              name="serverUrl"
              control={control}
              render={({ field }) => <Input {...field} {...aria} id="serverUrl" inputMode="url" />}
            />
          )}
        </FormField>
        {failure ? <Alert type="error" title={failure} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={isSubmitting}>
          {t('signIn.submit')}
        </Button>
      </form>
    </Form>
  );
}
