import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { useRequestPersistentStorage } from '../features/settings/persistent-storage';
import { SessionExpiredBanner } from '../features/sign-in/SessionExpiredBanner';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';

export function AppShell() {
  useRequestPersistentStorage();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The menu stays in view and scrolls on its own: an administrator's is taller than a
          720 px window, and the whole page scrolled with it. */}
      <Layout.Sider
        theme="light"
        width={200}
        breakpoint="lg"
        collapsedWidth={0}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <SessionExpiredBanner />
        {/* antd renders Content as the page's <main> landmark. */}
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
