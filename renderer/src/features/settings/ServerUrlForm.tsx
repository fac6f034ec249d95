import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Flex, Form, Input } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSettings } from '../../app/settings-context';
import { FormField } from '../sign-in/FormField';
import { signInSchema } from '../sign-in/sign-in-schema';

const serverUrlFormSchema = z.object({ serverUrl: signInSchema.shape.serverUrl });

/** The HQ server used for the next sign-in (the current session keeps its own). */
export function ServerUrlForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, updateSettings } = useSettings();
  const { control, handleSubmit, formState } = useForm<
    z.input<typeof serverUrlFormSchema>,
    unknown,
    z.output<typeof serverUrlFormSchema>
  >({
    resolver: zodResolver(serverUrlFormSchema),
    defaultValues: { serverUrl: settings.serverUrl },
  });
  const onSubmit = handleSubmit(async ({ serverUrl }) => {
    await updateSettings({ serverUrl });
    void message.success(t('settings.saved'));
  });
  return (
    <Form layout="vertical" component="div">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormField
          id="settings-server-url"
          label={t('settings.serverUrl')}
          error={formState.errors.serverUrl?.message}
        >
          {(aria) => (
            <Flex gap={8}>
              <Controller
                name="serverUrl"
                control={control}
                render={({ field }) => (
                  <Input {...field} {...aria} id="settings-server-url" inputMode="url" />
                )}
              />
              <Button htmlType="submit" loading={formState.isSubmitting}>
                {t('settings.save')}
              </Button>
            </Flex>
          )}
        </FormField>
      </form>
    </Form>
  );
}
