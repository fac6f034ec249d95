import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { useSettings } from '../../shared/settings-context';
import { changePasswordErrorMessage } from './change-password-error';
import { changePasswordFormSchema } from './change-password-schema';
import type { ChangePasswordInput, ChangePasswordOutput } from './change-password-schema';
import { FormField } from './FormField';

const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const autoComplete = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'new-password',
};

/** Right after a sign-in with a first password an administrator gave: change it, or go back. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const { passwordChangeFor, changeFirstPassword, cancelPasswordChange } = useSession();
  const { settings } = useSettings();
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<
    ChangePasswordInput,
    unknown,
    ChangePasswordOutput
  >({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await changeFirstPassword(values.currentPassword, values.newPassword);
    } catch (error) {
      setFailure(changePasswordErrorMessage(error, t, settings.serverUrl));
    }
  });

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <main>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('admin.changePassword.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('admin.changePassword.intro', { username: passwordChangeFor ?? '' })}
          </Typography.Paragraph>
          <Form layout="vertical" component="div" requiredMark={false}>
            <form onSubmit={(event) => void onSubmit(event)} noValidate>
              {fields.map((name) => (
                <FormField
                  key={name}
                  control={control}
                  name={name}
                  id={name}
                  label={t(`admin.changePassword.${name}`)}
                  error={errors[name]?.message}
                >
                  {(input) => <Input.Password {...input} autoComplete={autoComplete[name]} />}
                </FormField>
              ))}
              {failure ? (
                <Alert type="error" title={failure} style={{ marginBottom: 16 }} role="alert" />
              ) : null}
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" loading={isSubmitting}>
                  {t('admin.changePassword.submit')}
                </Button>
                <Button onClick={() => void cancelPasswordChange()}>
                  {t('admin.changePassword.cancel')}
                </Button>
              </Flex>
            </form>
          </Form>
        </main>
      </Card>
    </Flex>
  );
}
