// Which interface language to use: the setting, or for 'system' the browser's language
// (English when it starts with 'en', Chinese otherwise: the default of the product).
import type { LanguageSetting } from '../../../domain/platform/contract';

export type UiLanguage = 'zh-CN' | 'en';

export function resolveLanguage(setting: LanguageSetting, navigatorLanguage: string): UiLanguage {
  if (setting !== 'system') return setting;
  return navigatorLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
