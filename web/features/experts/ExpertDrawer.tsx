import { Alert, App, Button, Drawer, Form, Radio, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExpertView, expertsApi } from '../../api/experts.js';
import { useApi } from '../../app/useApi.js';
import { NewPersonFields, type NewPersonValues, newPersonBody } from '../../components/NewPersonFields.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { ProfileFields } from './ProfileFields.js';
import { type ProfileValues, toCuratedBody, toValues } from './profileForm.js';

type Values = ProfileValues & {
  /** A new expert is someone of the people directory, or a person created with them. */
  who?: 'existing' | 'new';
  personId?: string;
  person?: NewPersonValues & { organisationId?: string | null };
};

/**
 * Creates an expert (an existing person of the directory, as the committee does, or a new one) or edits
 * one: the whole profile is saved at once.
 */
export function ExpertDrawer({
  expertId,
  open,
  onClose,
  onSaved,
}: {
  /** null: a new expert. */
  expertId: string | null;
  open: boolean;
  onClose(): void;
  onSaved(e: ExpertView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form) ?? 'existing';
  const current = useApi(() => (expertId ? expertsApi.get(expertId) : Promise.resolve(null)), [expertId]);

  const { submit, busy, error } = useSubmit(form, async (v: Values) => {
    const body = toCuratedBody(v);
    const saved = expertId
      ? await expertsApi.update(expertId, body)
      : await expertsApi.create({
          ...body,
          ...(v.who === 'new' && v.person
            ? { person: { ...newPersonBody(v.person), organisationId: v.person.organisationId ?? null } }
            : { personId: v.personId }),
        });
    message.success(t('{{name}} saved', { name: saved.person.nameZh }));
    onSaved(saved);
  });

  const view = current.data ?? null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        view
          ? `${view.person.nameZh}${view.person.nameEn ? ` · ${view.person.nameEn}` : ''}`
          : t('New expert')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="expert-save">
            {t('Save')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      {expertId && current.loading ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ ...toValues(view), who: 'existing' }}
          preserve={false}
        >
          {expertId ? null : (
            <>
              <Form.Item name="who">
                <Radio.Group
                  optionType="button"
                  data-testid="expert-who"
                  options={[
                    { value: 'existing', label: t('Existing person') },
                    { value: 'new', label: t('New person') },
                  ]}
                />
              </Form.Item>
              {who === 'new' ? (
                <>
                  <NewPersonFields prefix="person" />
                  <Form.Item name={['person', 'organisationId']} label={t('Organisation')}>
                    <OrgPicker />
                  </Form.Item>
                </>
              ) : (
                <Form.Item
                  name="personId"
                  label={t('Person')}
                  rules={[{ required: true, message: t('Choose a person') }]}
                >
                  <PersonPicker testId="expert-person" />
                </Form.Item>
              )}
            </>
          )}
          <ProfileFields curated current={view} />
        </Form>
      )}
    </Drawer>
  );
}
