import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/PasswordResetPages.js';
import { RequiredPasswordChangePage } from '../features/auth/RequiredPasswordChangePage.js';
import SignInPage from '../features/auth/SignInPage.js';
import { RequiredEnrolmentPage, SecondFactorPage } from '../features/mfa/MfaGatePages.js';
import { ACCOUNT_PAGES, NAV, type Page } from '../nav.js';
import { AppShell } from '../shell/AppShell.js';
import { LocaleProvider } from './locale.js';
import { SessionProvider, useSession } from './session.js';

const PublicPages = lazy(() => import('../features/platforms/public/PublicPages.js'));

export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </LocaleProvider>
  );
}

export function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }}>
      <Spin size="large" />
    </div>
  );
}

function AppRoutes() {
  const { status } = useSession();
  if (status === 'loading') return <Loading />;
  // Until the second factor is given, an expired or administrator-set password replaced, and the factor
  // set up where the role requires it, nothing else opens.
  if (status === 'secondFactor') return <SecondFactorPage />;
  if (status === 'password') return <RequiredPasswordChangePage />;
  if (status === 'enrol') return <RequiredEnrolmentPage />;
  return (
    <Routes>
      <Route path="/sign-in" element={status === 'signedIn' ? <AfterSignIn /> : <SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      {/* Public pages: no session needed, and none is asked for. */}
      <Route
        path="/public/*"
        element={
          <Suspense fallback={<Loading />}>
            <PublicPages />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        {[...NAV, ...ACCOUNT_PAGES].map((p) => (
          <Route key={p.key} path={p.nested ? `${p.path}/*` : p.path} element={<Guarded page={p} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Back to where the user was going before sign-in sent them away. */
function AfterSignIn() {
  const from = (useLocation().state as { from?: string } | null)?.from;
  return <Navigate to={from && from !== '/sign-in' ? from : '/'} replace />;
}

function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status !== 'signedIn') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <AppShell />;
}

function Guarded({ page }: { page: Page }) {
  const { session } = useSession();
  const { t } = useTranslation();
  if (!session || !page.visible(session.user)) {
    return <Result status="403" title="403" subTitle={t('You are not allowed to do this')} />;
  }
  const Component = page.page;
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('This page does not exist')} />;
}
