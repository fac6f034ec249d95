// The platform's settings as React state, so that a change of language or server shows at once.
import { createContext, useContext } from 'react';
import type { Settings, SettingsPatch } from '../../../domain/platform/contract';

export interface SettingsContextValue {
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
