import { HashRouter } from 'react-router';
import type { PlatformApi } from '../../../domain/platform/contract';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './SessionProvider';
import { SettingsProvider } from './SettingsProvider';

export function App({ api }: { api: PlatformApi }) {
  return (
    <SettingsProvider api={api}>
      <SessionProvider api={api}>
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </SessionProvider>
    </SettingsProvider>
  );
}
