import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { usePlatforms } from '../../../app/platforms.js';
import { useSignedIn } from '../../../app/session.js';
import { Centered } from '../../../components/feedback.js';
import { defaultPlatform, PlatformSelect } from '../../../components/PlatformSelect.js';
import { OrgChartView } from './OrgChartView.js';

/** /org-chart opens the chart of the user's own platform; /org-chart/:id any platform's. */
export default function OrgChartPage() {
  return (
    <Routes>
      <Route index element={<DefaultChart />} />
      <Route path=":id" element={<ChartOf />} />
    </Routes>
  );
}

function DefaultChart() {
  const { user } = useSignedIn();
  const { list, loading } = usePlatforms();
  const id = defaultPlatform(
    list,
    user.roles.map((r) => r.platformId),
  );
  if (loading) return <Centered />;
  if (!id) return <Typography.Paragraph>—</Typography.Paragraph>;
  return <Navigate to={`/org-chart/${id}`} replace />;
}

function ChartOf() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { list } = usePlatforms();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <span>{t('Platform')}</span>
        <PlatformSelect platforms={list} value={id} onChange={(next) => navigate(`/org-chart/${next}`)} />
      </Space>
      <OrgChartView platformId={id} />
    </Space>
  );
}
