import { Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { CASE_PRINT_ROUTE, LazyCasePrintScreen } from '../features/cases/case-print-route';
import {
  DRAW_RECORD_PRINT_ROUTE,
  LazyDrawRecordPrintScreen,
  LazyPublicationPrintScreen,
  PUBLICATION_PRINT_ROUTE,
} from '../features/plans/plan-routes';
import {
  EXTENSION_PRINT_ROUTE,
  LazyExtensionPrintScreen,
  LazyPrintScreen,
  PRINT_ROUTE,
} from '../features/documents/print-route';
import { ChangePasswordScreen } from '../features/sign-in/ChangePasswordScreen';
import { FirstSync } from '../features/sign-in/FirstSync';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { AppShell } from './AppShell';
import { pages, sectionsFor } from './routes';
import { useSession } from '../session/session-context';

export function AppRoutes() {
  const { profile, firstSync, passwordChangeFor } = useSession();
  if (!profile) return passwordChangeFor ? <ChangePasswordScreen /> : <SignInScreen />;
  if (firstSync) return <FirstSync />;
  return (
    <Routes>
      {/* Printable documents: only the page, none of the app's chrome. */}
      <Route
        path={PRINT_ROUTE}
        element={
          <Suspense fallback={<Spin />}>
            <LazyPrintScreen />
          </Suspense>
        }
      />
      <Route
        path={EXTENSION_PRINT_ROUTE}
        element={
          <Suspense fallback={<Spin />}>
            <LazyExtensionPrintScreen />
          </Suspense>
        }
      />
      <Route
        path={CASE_PRINT_ROUTE}
        element={
          <Suspense fallback={<Spin />}>
            <LazyCasePrintScreen />
          </Suspense>
        }
      />
      <Route
        path={DRAW_RECORD_PRINT_ROUTE}
        element={
          <Suspense fallback={<Spin />}>
            <LazyDrawRecordPrintScreen />
          </Suspense>
        }
      />
      <Route
        path={PUBLICATION_PRINT_ROUTE}
        element={
          <Suspense fallback={<Spin />}>
            <LazyPublicationPrintScreen />
          </Suspense>
        }
      />
      <Route element={<AppShell />}>
        {sectionsFor(profile.session.user.role).map(({ key, path, screen: Screen }) => (
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
        {pages.map(({ path, screen: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<Spin />}>
                <Page />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<Navigate to="/enterprises" replace />} />
      </Route>
    </Routes>
  );
}
