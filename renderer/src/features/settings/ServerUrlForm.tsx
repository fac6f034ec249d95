import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../shared/settings-context';
import { FormField } from '../sign-in/FormField';
import { serverAddressSchema } from './server-address-schema';
import type { ServerAddressInput, ServerAddressOutput } from './server-address-schema';

interface Props {
  /**
   * False in the browser: the page may connect only to the server it came from, so only the
   * permission can change there.
   */
  editableAddress: boolean;
  /** Checks the saved address at once (the sign-in shows why a saved address is refused). */
  validateOnMount?: boolean;
  onSaved?: () => void;
  onCancel?: () => void;
}

/**
 * The HQ server and the permission for plain http to another computer, with a warning of what
 * that permission risks. Used for the next sign-in (a current session keeps its own server).
 */
export function ServerUrlForm({ editableAddress, validateOnMount, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, updateSettings } = useSettings();
  const { control, handleSubmit, formState, trigger } = useForm<
    ServerAddressInput,
    unknown,
    ServerAddressOutput
  >({
    resolver: zodResolver(serverAddressSchema),
    defaultValues: {
      serverUrl: settings.serverUrl,
      allowInsecureHttp: settings.allowInsecureHttp,
    },
  });
  const allowInsecureHttp = useWatch({ control, name: 'allowInsecureHttp' });

  useEffect(() => {
    if (validateOnMount) void trigger();
  }, [validateOnMount, trigger]);

  const onSubmit = handleSubmit(async (values) => {
    await updateSettings(values);
    void message.success(t('settings.saved'));
    onSaved?.();
  });
  return (
    <Form layout="vertical" component="div">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormField
          control={control}
          name="serverUrl"
          id="settings-server-url"
          label={t('settings.serverUrl')}
          error={formState.errors.serverUrl?.message}
        >
          {(input) => <Input {...input} inputMode="url" readOnly={!editableAddress} />}
        </FormField>
        <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
          {t(editableAddress ? 'transport.reloadsOnSave' : 'transport.fixedInBrowser')}
        </Typography.Paragraph>
        <Controller
          name="allowInsecureHttp"
          control={control}
          render={({ field }) => (
            <Checkbox
              checked={field.value}
              onChange={(event) => field.onChange(event.target.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
            >
              {t('transport.allowInsecure')}
            </Checkbox>
          )}
        />
        {allowInsecureHttp ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('transport.warningTitle')}
            description={t('transport.warningBody')}
            style={{ marginTop: 12 }}
          />
        ) : null}
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button htmlType="submit" loading={formState.isSubmitting}>
            {t('settings.save')}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t('transport.cancel')}</Button> : null}
        </Flex>
      </form>
    </Form>
  );
}
