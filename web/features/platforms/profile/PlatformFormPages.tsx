import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/endpoints.js';
import { useLocale } from '../../../app/locale.js';
import { canCreatePlatform } from '../../../app/permissions.js';
import { useSignedIn } from '../../../app/session.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, Forbidden, LoadFailed } from '../../../components/feedback.js';
import { localName } from '../../../components/labels.js';
import { NEW_PLATFORM, ProfileForm, profileValues } from './ProfileForm.js';

/** /platforms/new: system admins create a platform, then give it admins on the Users page. */
export function CreatePlatformPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  if (!canCreatePlatform(user)) return <Forbidden />;
  return (
    <Card title={t('New platform')}>
      <ProfileForm
        initial={NEW_PLATFORM}
        submitLabel={t('Create')}
        onCancel={() => navigate('/platforms')}
        onSubmit={async (v) => {
          const created = await api.createPlatform(v);
          message.success(t('Platform {{name}} created', { name: created.code }));
          navigate(`/platforms/${created.id}`);
        }}
      />
    </Card>
  );
}

/** /platforms/:id/edit: the platform's admins edit its profile and ratings. */
export function EditPlatformPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const detail = useApi(() => api.platform(id), [id]);
  if (detail.error) return <LoadFailed error={detail.error} />;
  const p = detail.data;
  if (!p || p.id !== id) return <Centered />;
  if (!p.access.canEdit) return <Forbidden />;
  return (
    <Card
      title={
        <Typography.Text>
          {t('Edit profile')} · {localName(p, locale)}
        </Typography.Text>
      }
    >
      <ProfileForm
        initial={profileValues(p)}
        submitLabel={t('Save')}
        onCancel={() => navigate(`/platforms/${p.id}`)}
        onSubmit={async (v) => {
          await api.updatePlatform(p.id, v);
          message.success(t('Saved'));
          navigate(`/platforms/${p.id}`);
        }}
      />
    </Card>
  );
}
