import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { resolveLanguage } from '../i18n/resolve-language';
import type { PlatformApi, Settings, SettingsPatch } from '../../../domain/platform/contract';
import { SettingsContext } from '../shared/settings-context';
import { appTheme } from './theme';

interface Props {
  api: PlatformApi;
  children: ReactNode;
}

/** Loads the settings, and with them the language of i18next and of antd. */
export function SettingsProvider({ api, children }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void api.getSettings().then(setSettings);
  }, [api]);

  const language = resolveLanguage(settings?.language ?? 'system', navigator.language);
  // A fresh instance per language keeps rendering pure: no language switch happens mid-render.
  const i18n = useMemo(() => createI18n(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      const next = await api.setSettings(patch);
      setSettings(next);
      return next;
    },
    [api],
  );
  const value = useMemo(
    () => (settings ? { settings, updateSettings } : null),
    [settings, updateSettings],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={appTheme}
        // antd spaces out two-character Chinese labels ("详 情"), so that a button's visible
        // text no longer matches its accessible name ("详情：…") for speech input.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>
          {value ? (
            <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
          ) : (
            <Spin fullscreen />
          )}
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
