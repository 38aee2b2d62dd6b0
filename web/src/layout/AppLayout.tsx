// The shell: blue header (title, user, role, region, language, logout), side menu by role,
// and on a phone (< 768 px) the menu moves into a Drawer opened by a hamburger button.
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { useAuth, useMe } from '../lib/auth.tsx';
import { useIsMobile } from '../lib/hooks.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { ChangePasswordModal } from '../pages/auth/ChangePasswordModal.tsx';
import { activeEntry, menuFor } from './menu.tsx';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const t = useT();
  const me = useMe();
  const { logout, refresh } = useAuth();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = () => {
    void logout().finally(() => navigate('/login', { replace: true }));
  };
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [pwdOpen, setPwdOpen] = useState(me.mustChangePassword);

  useEffect(() => setDrawerOpen(false), [location.pathname]);
  useEffect(() => {
    if (me.mustChangePassword) setPwdOpen(true);
  }, [me.mustChangePassword]);

  const entries = menuFor(me.role);
  const active = activeEntry(entries, location.pathname);
  const roleLabel = t(`role.${me.role}` as MessageKey);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={active ? [active.key] : []}
      style={{ borderInlineEnd: 0 }}
      items={entries.map((m) => ({
        key: m.key,
        icon: m.icon,
        label: (
          <Link to={m.path} data-testid={m.testId}>
            {t(m.labelKey)}
          </Link>
        ),
      }))}
    />
  );

  const userMenu = {
    items: [
      {
        key: 'info',
        disabled: true,
        label: (
          <div style={{ lineHeight: 1.6 }}>
            <div>
              <Typography.Text strong>{me.displayName}</Typography.Text>{' '}
              <Typography.Text type="secondary">({me.username})</Typography.Text>
            </div>
            <div>
              <Tag color="blue">{roleLabel}</Tag>
            </div>
            <div>
              <EnvironmentOutlined /> {me.regionName}
            </div>
            {me.departmentName && <div>{me.departmentName}</div>}
            {me.enterpriseName && <div>{me.enterpriseName}</div>}
          </div>
        ),
      },
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('auth.changePassword')}</span> },
      { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') setPwdOpen(true);
      if (key === 'logout') signOut();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="aj-header">
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('layout.openMenu')}
            data-testid="menu-toggle"
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff' }}
          />
        )}
        <Link to="/" className="aj-brand">
          <SafetyCertificateFilled className="aj-brand-icon" />
          <span className="aj-brand-name">{t('app.shortTitle')}</span>
          {!mobile && <span className="aj-brand-sub">{t('app.subtitle')}</span>}
        </Link>
        <div style={{ flex: 1 }} />
        <Space size={mobile ? 0 : 8} align="center">
          <LangSwitch light />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" style={{ color: '#fff', height: 40 }} data-testid="user-menu">
              <Space size={6}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,.25)' }} />
                {!mobile && (
                  <span className="aj-user">
                    <span>{me.displayName}</span>
                    <span className="aj-user-meta">
                      {roleLabel} · {me.regionName}
                    </span>
                  </span>
                )}
              </Space>
            </Button>
          </Dropdown>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            data-testid="logout"
            aria-label={t('auth.logout')}
            title={t('auth.logout')}
            onClick={signOut}
            style={{ color: '#fff' }}
          >
            {mobile ? null : t('auth.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        {mobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.title')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Sider
            theme="light"
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            className="aj-sider"
          >
            {menu}
          </Sider>
        )}
        <Content className={mobile ? 'aj-content aj-content-mobile' : 'aj-content'}>
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal
        open={pwdOpen}
        forced={me.mustChangePassword}
        onClose={() => setPwdOpen(false)}
        onDone={() => void refresh()}
      />
    </Layout>
  );
}
