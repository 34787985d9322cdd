import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { callsApi } from '../../api/calls.js';
import { api } from '../../api/endpoints.js';
import { useApi } from '../../app/useApi.js';
import { Centered, Forbidden, LoadFailed } from '../../components/feedback.js';
import CallDetailPage from './CallDetailPage.js';
import { CallForm } from './CallForm.js';
import CallsPage from './CallsPage.js';
import { callFormValues, newCallValues } from './callForm.js';

/** /calls, /calls/new?platform=…, /calls/:id and /calls/:id/edit. */
export default function CallsRoutes() {
  return (
    <Routes>
      <Route index element={<CallsPage />} />
      <Route path="new" element={<NewCallPage />} />
      <Route path=":id/edit" element={<EditCallPage />} />
      <Route path=":id" element={<CallDetailPage />} />
    </Routes>
  );
}

function NewCallPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const platformId = params.get('platform') ?? '';
  const platform = useApi(() => api.platform(platformId), [platformId]);
  if (platform.error) return <LoadFailed error={platform.error} />;
  if (!platform.data || platform.data.id !== platformId) return <Centered />;
  return (
    <Card title={t('New call')}>
      <CallForm
        initial={newCallValues(platform.data.defaultCurrency)}
        submitLabel={t('Save draft')}
        onCancel={() => navigate(`/calls?platform=${platformId}`)}
        onSubmit={async (body) => {
          const created = await callsApi.createCall(platformId, body);
          message.success(t('Draft saved'));
          navigate(`/calls/${created.id}`);
        }}
      />
    </Card>
  );
}

function EditCallPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const call = useApi(() => callsApi.manage(id), [id]);
  if (call.error) return <LoadFailed error={call.error} />;
  const c = call.data;
  if (!c || c.id !== id) return <Centered />;
  if (!c.access.canEdit) return <Forbidden />;
  return (
    <Card title={`${t('Edit call')} · ${c.code}`}>
      <CallForm
        initial={callFormValues(c)}
        submitLabel={t('Save')}
        onCancel={() => navigate(`/calls/${c.id}`)}
        onSubmit={async (body) => {
          await callsApi.updateCall(c.id, body);
          message.success(t('Saved'));
          navigate(`/calls/${c.id}`);
        }}
      />
    </Card>
  );
}
