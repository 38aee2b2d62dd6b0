import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { setUnauthorizedHandler } from './api/client.ts';
import { I18nProvider, useI18n, useT } from './i18n/index.tsx';
import { AuthProvider, useAuth } from './lib/auth.tsx';
import { DictProvider } from './lib/dict.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { theme } from './theme.ts';

const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const EnterpriseListPage = lazy(() => import('./pages/registry/EnterpriseListPage.tsx'));
const EnterpriseDetailPage = lazy(() => import('./pages/registry/EnterpriseDetailPage.tsx'));
const EnterpriseFormPage = lazy(() => import('./pages/registry/EnterpriseFormPage.tsx'));
const ImportPage = lazy(() => import('./pages/registry/ImportPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.tsx'));
const DepartmentsPage = lazy(() => import('./pages/admin/DepartmentsPage.tsx'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage.tsx'));
const HolidaysPage = lazy(() => import('./pages/admin/HolidaysPage.tsx'));
const CollisionPage = lazy(() => import('./pages/planning/CollisionPage.tsx'));
const PlansPage = lazy(() => import('./pages/planning/PlansPage.tsx'));
const PlanDetailPage = lazy(() => import('./pages/planning/PlanDetailPage.tsx'));
const ProposePage = lazy(() => import('./pages/planning/ProposePage.tsx'));
const PublicPlansPage = lazy(() => import('./pages/planning/PublicPlansPage.tsx'));
const InspectorsPage = lazy(() => import('./pages/planning/InspectorsPage.tsx'));
const MyVisitsPage = lazy(() => import('./pages/visits/MyVisitsPage.tsx'));

function FullSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** On any 401 from the API: forget the session and go to /login, remembering where we were. */
function UnauthorizedBridge() {
  const navigate = useNavigate();
  const { clear } = useAuth();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      clear();
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate, clear]);
  return null;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullSpin />;
  if (me === null) {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  return <DictProvider>{children}</DictProvider>;
}

function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNLocale : enUSLocale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <BrowserRouter>
          <AuthProvider>
            <UnauthorizedBridge />
            <Suspense fallback={<FullSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {/* 公示 public, no login */}
                <Route path="/public/plans" element={<PublicPlansPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/registry" replace />} />
                  <Route path="registry" element={<EnterpriseListPage />} />
                  <Route path="registry/new" element={<EnterpriseFormPage />} />
                  <Route path="registry/import" element={<ImportPage />} />
                  <Route path="registry/:id" element={<EnterpriseDetailPage />} />
                  <Route path="registry/:id/edit" element={<EnterpriseFormPage />} />
                  <Route path="admin/users" element={<UsersPage />} />
                  <Route path="admin/departments" element={<DepartmentsPage />} />
                  <Route path="admin/audit" element={<AuditPage />} />
                  <Route path="admin/holidays" element={<HolidaysPage />} />
                  <Route path="plans" element={<PlansPage />} />
                  <Route path="plans/new" element={<ProposePage />} />
                  <Route path="plans/:id" element={<PlanDetailPage />} />
                  <Route path="collision" element={<CollisionPage />} />
                  <Route path="inspectors" element={<InspectorsPage />} />
                  <Route path="my/visits" element={<MyVisitsPage />} />
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </AuthProvider>
        </BrowserRouter>
      </Themed>
    </I18nProvider>
  );
}
