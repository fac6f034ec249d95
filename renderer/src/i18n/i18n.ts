// The i18next instance of the app: both locales bundled (they are small), zh-CN as fallback.
import i18next from 'i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import type { UiLanguage } from './resolve-language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
};

export function createI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * Validation messages in domain/ are keys ('required', 'creditCode.checkCharacter'); this turns
 * one into a sentence, falling back to a generic one for zod's own English messages.
 */
export function translateValidation(t: TFunction, i18n: I18n, message: string | undefined): string {
  if (!message) return t('errors.invalid');
  const key = `errors.${message}`;
  return i18n.exists(key) ? t(key) : t('errors.invalid');
}
