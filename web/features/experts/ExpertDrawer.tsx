import { Alert, App, Button, Col, Drawer, Form, Input, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExpertView, expertsApi } from '../../api/experts.js';
import { useApi } from '../../app/useApi.js';
import { errorText, fieldErrors } from '../../i18n/errors.js';
import { OrgPicker } from '../orgs/OrgPicker.js';
import { ProfileFields } from './ProfileFields.js';
import { type ProfileValues, toCuratedBody, toValues } from './profileForm.js';

type Values = ProfileValues & {
  person?: {
    nameZh: string;
    nameEn?: string;
    title?: string;
    email?: string;
    organisationId?: string | null;
  };
};

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Creates an expert (with a new person record) or edits one: the whole profile is saved at once. */
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = useApi(() => (expertId ? expertsApi.get(expertId) : Promise.resolve(null)), [expertId]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = toCuratedBody(v);
      const saved = expertId
        ? await expertsApi.update(expertId, body)
        : await expertsApi.create({
            ...body,
            person: {
              nameZh: v.person!.nameZh.trim(),
              nameEn: blank(v.person?.nameEn),
              title: blank(v.person?.title),
              email: blank(v.person?.email),
              organisationId: v.person?.organisationId ?? null,
            },
          });
      message.success(t('{{name}} saved', { name: saved.person.nameZh }));
      onSaved(saved);
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

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
          initialValues={toValues(view)}
          preserve={false}
        >
          {expertId ? null : (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name={['person', 'nameZh']}
                  label={t('Name (Chinese)')}
                  rules={[{ required: true, whitespace: true, message: t('Enter the name') }, { max: 100 }]}
                >
                  <Input data-testid="expert-name-zh" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['person', 'nameEn']} label={t('English name')} rules={[{ max: 100 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['person', 'title']} label={t('Title or position')} rules={[{ max: 200 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['person', 'email']}
                  label={t('Email')}
                  rules={[{ type: 'email', message: t('Not a valid e-mail address') }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name={['person', 'organisationId']} label={t('Organisation')}>
                  <OrgPicker />
                </Form.Item>
              </Col>
            </Row>
          )}
          <ProfileFields curated current={view} />
        </Form>
      )}
    </Drawer>
  );
}
