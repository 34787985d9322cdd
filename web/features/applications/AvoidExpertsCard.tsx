import { App, Button, Card, Form, Input, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateAvoidRequest, conflictsApi } from '../../api/review-conflicts.js';
import { useApi } from '../../app/useApi.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { errorText } from '../../i18n/errors.js';

/**
 * Experts the applicant asks not to be reviewed by (回避专家, at most 3). Stores what the applicant
 * writes; whether it names someone in the expert database is never shown here.
 */
export function AvoidExpertsCard({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateAvoidRequest>();
  const list = useApi(() => conflictsApi.avoidRequests(applicationId), [applicationId]);
  const data = list.data;
  if (!data || (!data.editable && data.items.length === 0)) return null;
  const add = (v: CreateAvoidRequest) =>
    conflictsApi
      .addAvoidRequest(applicationId, { ...v, organisationId: v.organisationId || null })
      .then(() => {
        form.resetFields();
        list.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  const remove = (id: string) =>
    conflictsApi
      .removeAvoidRequest(applicationId, id)
      .then(list.reload)
      .catch((err: unknown) => message.error(errorText(t, err)));
  return (
    <Card size="small" title={t('Experts to avoid')} data-testid="avoid-experts">
      <Typography.Paragraph type="secondary">
        {t('You may name up to {{count}} experts who should not review this application, with a reason.', {
          count: data.max,
        })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('Nobody named') }}
        renderItem={(r) => (
          <List.Item
            actions={
              data.editable
                ? [
                    <Popconfirm key="remove" title={t('Remove this name?')} onConfirm={() => remove(r.id)}>
                      <Button size="small" danger>
                        {t('Remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={r.organisation ? `${r.name} · ${r.organisation.name}` : r.name}
              description={r.reason}
            />
          </List.Item>
        )}
      />
      {data.editable && data.items.length < data.max ? (
        <Form<CreateAvoidRequest> form={form} layout="inline" onFinish={add} style={{ marginTop: 12 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('Name')} style={{ width: 160 }} data-testid="avoid-name" />
          </Form.Item>
          <Form.Item name="organisationId">
            <OrgPicker aria-label={t('Organisation')} />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('Reason')} style={{ width: 240 }} data-testid="avoid-reason" />
          </Form.Item>
          <Button htmlType="submit" data-testid="avoid-add">
            {t('Add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
