import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../settings/LanguageSelect';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <main>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
          <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
            <label htmlFor="language">{t('language.label')}</label>
            <LanguageSelect id="language" />
          </Flex>
          <Typography.Title level={4}>{t('signIn.title')}</Typography.Title>
          <SignInForm />
        </main>
      </Card>
    </Flex>
  );
}
