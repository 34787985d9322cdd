import {
  ApartmentOutlined,
  ExperimentOutlined,
  LoginOutlined,
  RadarChartOutlined,
  SearchOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/endpoints.js';
import { useLocale } from '../../../app/locale.js';
import { useSession } from '../../../app/session.js';
import { useApi } from '../../../app/useApi.js';
import { Centered } from '../../../components/feedback.js';
import { localName } from '../../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../../components/PlatformSelect.js';
import { Logo } from '../../../shell/Brand.js';
import { LanguageSwitch } from '../../../shell/LanguageSwitch.js';
import { PublicNoticePage, PublicNoticesPage } from '../../announcements/PublicNotices.js';
import { RegisterPage } from '../../auth/RegisterPages.js';
import { VerifyRegistrationPage } from '../../auth/VerifyRegistrationPage.js';
import { PublicCallPage, PublicCallsLink, PublicCallsPage } from '../../calls/PublicCalls.js';
import { InstrumentSearch } from '../../instruments/InstrumentSearch.js';
import PublicNeedsPage from '../../needs/PublicNeedsPage.js';
import OpenDataPage from '../../open-data/OpenDataPage.js';
import PortalDetailPage from '../../portal/PortalDetailPage.js';
import PortalHome from '../../portal/PortalHome.js';
import PortalSearchPage from '../../portal/PortalSearchPage.js';
import { ServiceSearch } from '../../services/ServiceSearch.js';
import { ComparisonView } from '../comparison/ComparisonView.js';
import { OrgChartView } from '../orgchart/OrgChartView.js';

/**
 * Pages anyone may open without signing in: the platform comparison and the organisation charts. They
 * call only public endpoints, so no 401 ever sends the visitor to the sign-in page.
 */
export default function PublicPages() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="comparison" element={<PublicComparison />} />
        <Route path="org-chart" element={<DefaultChart />} />
        <Route path="org-chart/:id" element={<PublicOrgChart />} />
        <Route path="calls" element={<PublicCallsPage />} />
        <Route path="calls/:id" element={<PublicCallPage />} />
        <Route path="results" element={<PortalSearchPage />} />
        <Route path="results/:id" element={<PortalDetailPage />} />
        <Route path="services" element={<ServiceSearch />} />
        <Route path="instruments" element={<InstrumentSearch />} />
        <Route path="open-data" element={<OpenDataPage />} />
        <Route path="needs" element={<PublicNeedsPage />} />
        <Route path="notices" element={<PublicNoticesPage />} />
        <Route path="notices/:id" element={<PublicNoticePage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="register/verify" element={<VerifyRegistrationPage />} />
        <Route path="*" element={<PublicNotFound />} />
      </Route>
    </Routes>
  );
}

function PublicLayout() {
  const { t } = useTranslation();
  const { status } = useSession();
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }} data-testid="public-page">
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          padding: '0 24px',
          height: 60,
          background: '#0b1f3a',
          color: '#fff',
        }}
      >
        <Space size="large">
          <Link to="/public" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
            <Logo size={28} />
            <span style={{ fontWeight: 600, letterSpacing: 0.5 }}>
              {t('Generic Technology Service Platform')} · Commonlab
            </span>
          </Link>
          <nav style={{ display: 'flex', gap: 4 }} aria-label={t('Public pages')}>
            <NavLink to="/public/comparison">
              {({ isActive }) => (
                <Button
                  type={isActive ? 'primary' : 'text'}
                  icon={<RadarChartOutlined />}
                  style={isActive ? undefined : { color: '#fff' }}
                >
                  {t('Platform comparison')}
                </Button>
              )}
            </NavLink>
            <NavLink to="/public/org-chart">
              {({ isActive }) => (
                <Button
                  type={isActive ? 'primary' : 'text'}
                  icon={<ApartmentOutlined />}
                  style={isActive ? undefined : { color: '#fff' }}
                >
                  {t('Organisation charts')}
                </Button>
              )}
            </NavLink>
            <NavLink to="/public/results">
              {({ isActive }) => (
                <Button
                  type={isActive ? 'primary' : 'text'}
                  icon={<SearchOutlined />}
                  style={isActive ? undefined : { color: '#fff' }}
                  data-testid="public-results-link"
                >
                  {t('Results and technologies')}
                </Button>
              )}
            </NavLink>
            <NavLink to="/public/services">
              {({ isActive }) => (
                <Button
                  type={isActive ? 'primary' : 'text'}
                  icon={<ShopOutlined />}
                  style={isActive ? undefined : { color: '#fff' }}
                  data-testid="public-services-link"
                >
                  {t('Service catalog')}
                </Button>
              )}
            </NavLink>
            <NavLink to="/public/instruments">
              {({ isActive }) => (
                <Button
                  type={isActive ? 'primary' : 'text'}
                  icon={<ExperimentOutlined />}
                  style={isActive ? undefined : { color: '#fff' }}
                  data-testid="public-instruments-link"
                >
                  {t('Shared instruments')}
                </Button>
              )}
            </NavLink>
            <PublicCallsLink />
          </nav>
        </Space>
        <Space>
          <LanguageSwitch dark />
          {status === 'signedIn' ? (
            <Button onClick={() => navigate('/')} data-testid="public-workspace">
              {t('Back to the workspace')}
            </Button>
          ) : (
            <>
              <Button onClick={() => navigate('/public/register')} data-testid="public-register">
                {t('registration.register')}
              </Button>
              <Button
                type="primary"
                icon={<LoginOutlined />}
                onClick={() => navigate('/sign-in')}
                data-testid="public-sign-in"
              >
                {t('Sign in')}
              </Button>
            </>
          )}
        </Space>
      </header>
      <main className="cl-content" style={{ flex: 1 }}>
        <Outlet />
      </main>
      <footer className="cl-footer">
        {t('Generic Technology Service Platform')} · Commonlab ·{' '}
        {t('Open source under the Apache License 2.0')}
      </footer>
    </div>
  );
}

function PublicComparison() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
        {t('Platform comparison')}
      </Typography.Title>
      <ComparisonView linkOf={(p) => <Link to={`/public/org-chart/${p.id}`}>{localName(p, locale)}</Link>} />
    </Space>
  );
}

function DefaultChart() {
  const platforms = useApi(() => api.platforms(), []);
  if (!platforms.data) return <Centered />;
  const id = defaultPlatform(platforms.data.items);
  return id ? <Navigate to={`/public/org-chart/${id}`} replace /> : <PublicNotFound />;
}

function PublicOrgChart() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const platforms = useApi(() => api.platforms(), []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('Organisation chart')}
        </Typography.Title>
        <PlatformSelect
          platforms={platforms.data?.items ?? []}
          value={id}
          onChange={(next) => navigate(`/public/org-chart/${next}`)}
        />
      </Space>
      <OrgChartView platformId={id} />
    </Space>
  );
}

function PublicNotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('This page does not exist')} />;
}
