import { Alert, App, Button, Card, Descriptions, Form, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExpertView, expertsApi } from '../../api/experts.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { orgName } from '../../components/org-labels.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { CATEGORY_COLORS, CATEGORY_LABELS } from './labels.js';
import { ProfileFields } from './ProfileFields.js';
import { type ProfileValues, toOwnBody, toValues } from './profileForm.js';

/** The signed-in expert keeps their own profile; category and active status are the officers'. */
export default function MyExpertProfilePage() {
  const { t } = useTranslation();
  const profile = useApi(() => expertsApi.mine(), []);
  if (profile.loading && !profile.data) return <Spin />;
  if (profile.error || !profile.data)
    return (
      <Card>
        <Alert type="info" showIcon title={errorText(t, profile.error)} />
      </Card>
    );
  return <ProfileEditor key={profile.data.updatedAt} view={profile.data} onSaved={profile.reload} />;
}

function ProfileEditor({ view, onSaved }: { view: ExpertView; onSaved(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();

  const { submit, busy, error } = useSubmit(form, async (v: ProfileValues) => {
    await expertsApi.updateMine(toOwnBody(v));
    message.success(t('Your expert profile is saved'));
    onSaved();
  });

  return (
    <Card
      title={t('My expert profile')}
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="my-expert-save">
          {t('Save')}
        </Button>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('Full name')}>
          {view.person.nameZh}
          {view.person.nameEn ? ` · ${view.person.nameEn}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('Organisation')}>
          {view.organisation ? orgName(view.organisation, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('Category')}>
          <Tag color={CATEGORY_COLORS[view.category]}>{t(CATEGORY_LABELS[view.category])}</Tag>
          {view.active ? null : <Tag>{t('Inactive')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ProfileValues> form={form} layout="vertical" onFinish={submit} initialValues={toValues(view)}>
        <ProfileFields curated={false} current={view} />
      </Form>
    </Card>
  );
}
