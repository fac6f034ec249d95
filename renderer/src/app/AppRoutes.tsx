import { Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FirstSync } from '../features/sign-in/FirstSync';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { AppShell } from './AppShell';
import { sections } from './routes';
import { useSession } from './session-context';

export function AppRoutes() {
  const { profile, firstSync } = useSession();
  if (!profile) return <SignInScreen />;
  if (firstSync) return <FirstSync />;
  return (
    <Routes>
      <Route element={<AppShell />}>
        {sections.map(({ key, path, screen: Screen }) => (
          <Route
            key={key}
            path={path}
            element={
              <Suspense fallback={<Spin />}>
                <Screen />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<Navigate to="/enterprises" replace />} />
      </Route>
    </Routes>
  );
}
