import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LanguageSetting } from '../../../../domain/platform/contract';
import { useSettings } from '../../shared/settings-context';

interface Props {
  id: string;
  /** Whether to offer "follow the system" (Settings does; the sign-in screen keeps it short). */
  withSystem?: boolean;
}

export function LanguageSelect({ id, withSystem = false }: Props) {
  const { t } = useTranslation();
  const { settings, updateSettings } = useSettings();
  const options: { value: LanguageSetting; label: string }[] = [
    ...(withSystem ? [{ value: 'system' as const, label: t('language.system') }] : []),
    { value: 'zh-CN', label: t('language.zh') },
    { value: 'en', label: t('language.en') },
  ];
  const value =
    withSystem || settings.language !== 'system'
      ? settings.language
      : navigator.language.toLowerCase().startsWith('en')
        ? 'en'
        : 'zh-CN';
  return (
    <Select
      id={id}
      aria-label={t('language.label')}
      value={value}
      options={options}
      style={{ minWidth: 140 }}
      onChange={(language: LanguageSetting) => void updateSettings({ language })}
    />
  );
}
