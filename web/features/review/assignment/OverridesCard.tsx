import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../../api/applications.js';
import { callsApi } from '../../../api/calls.js';
import { type OverrideView, reviewRunsApi } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';

interface Values {
  applicationId: string;
  expertId: string;
  kind: 'pin' | 'forbid';
  reason: string;
}

/** Pins and forbids of a call by hand, each with its reason; a conflicted pin is refused by the server. */
export function OverridesCard({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState<string>();
  const list = useApi(() => reviewRunsApi.overrides(callId), [callId]);
  const apps = useApi(async () => {
    const call = await callsApi.manage(callId);
    return applicationsApi.list({ platformId: call.platform.id, callId, state: 'in_review', limit: 200 });
  }, [callId]);
  const experts = useApi(() => reviewRunsApi.searchExperts(q), [q]);
  const add = (v: Values) =>
    reviewRunsApi
      .addOverride(callId, v)
      .then(() => {
        form.resetFields();
        list.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  const remove = (o: OverrideView) =>
    reviewRunsApi
      .removeOverride(callId, o.id)
      .then(list.reload)
      .catch((err: unknown) => message.error(errorText(t, err)));
  return (
    <Card size="small" title={t('Pins and forbids')} data-testid="overrides">
      <Form<Values> form={form} layout="inline" onFinish={add} initialValues={{ kind: 'pin' }}>
        <Form.Item name="applicationId" rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('Application')}
            aria-label={t('Application')}
            style={{ width: 260 }}
            options={(apps.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.receiptNo ?? ''} ${pick(a.titleZh, a.titleEn, locale) ?? ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="expertId" rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (s) => setQ(s || undefined) }}
            placeholder={t('Expert')}
            aria-label={t('Expert')}
            style={{ width: 220 }}
            options={(experts.data?.items ?? []).map((e) => ({
              value: e.id,
              label: pick(e.person.nameZh, e.person.nameEn, locale),
            }))}
          />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            aria-label={t('Pin or forbid')}
            style={{ width: 110 }}
            options={[
              { value: 'pin', label: t('Pin') },
              { value: 'forbid', label: t('Forbid') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true }]}>
          <Input placeholder={t('Reason')} style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="add-override">
          {t('Add')}
        </Button>
      </Form>
      <Table<OverrideView>
        scroll={WIDE}
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Receipt number'), render: (_, o) => o.applicationNumber ?? '—' },
          { title: t('Expert'), render: (_, o) => pick(o.expertName, o.expertNameEn, locale) },
          {
            title: t('Kind'),
            render: (_, o) => (
              <Tag color={o.kind === 'pin' ? 'green' : 'red'}>{t(o.kind === 'pin' ? 'Pin' : 'Forbid')}</Tag>
            ),
          },
          { title: t('Reason'), render: (_, o) => o.reason },
          {
            title: '',
            render: (_, o) => (
              <Popconfirm title={t('Remove this pin or forbid?')} onConfirm={() => remove(o)}>
                <Button size="small">{t('Remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
