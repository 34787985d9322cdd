import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  message,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type RegistrationView, registrationsApi } from '../../api/registrations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FormModal } from '../../components/FormModal.js';
import { localName } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { codeText, errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';

const PAGE_SIZE = 20;
const STATES = {
  pending: tk('Awaiting review'),
  approved: tk('registration.approved'),
  refused: tk('Not approved'),
  unverified: tk('E-mail not verified'),
} as const;
type State = keyof typeof STATES;
const ORG_TYPES: Record<string, string> = {
  enterprise: tk('Enterprise'),
  university: tk('University'),
  institute: tk('Research institute'),
  other: tk('Other'),
};

/**
 * 注册审核: verified self-registrations of the platforms the user keeps (all for a system admin), oldest
 * first. Approving creates the applicant account, the person and the proposed organisation (or links the
 * one picked); refusing needs a reason, which is e-mailed (docs/sign-in.md "Self-registration").
 */
export default function RegistrationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const platformId = params.get('platform') ?? undefined;
  const [state, setState] = useState<State>('pending');
  const [page, setPage] = useState(1);
  const [refusing, setRefusing] = useState<RegistrationView | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useApi(
    () => registrationsApi.list({ state, platformId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [state, platformId, page],
  );

  const blockedText = (r: RegistrationView) =>
    r.approval.blockedBy === 'orgs.keepers_only'
      ? t(
          'Other platforms also use {{organisation}}: only keepers of all of them, or a system administrator, may add this person to it. Ask them, or refuse with a reason.',
          { organisation: r.organisation ? localName(r.organisation, locale) : '' },
        )
      : codeText(t, r.approval.blockedBy);
  const approve = async (r: RegistrationView) => {
    try {
      await registrationsApi.approve(r.id);
      message.success(t('Approved: {{name}} can now sign in', { name: r.name }));
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Card
      title={t('Self-registrations waiting for your decision, oldest first')}
      extra={
        <Select<State>
          aria-label={t('State')}
          style={{ width: 180 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={Object.entries(STATES).map(([value, label]) => ({
            value: value as State,
            label: t(label),
          }))}
        />
      }
    >
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<RegistrationView>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="registrations-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('registration.name'), dataIndex: 'name' },
          {
            title: t('registration.contact'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.email}</span>
                {r.phone ? <Typography.Text type="secondary">{r.phone}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: t('Organisation'),
            render: (_, r) =>
              r.organisation ? (
                <span>{localName(r.organisation, locale)}</span>
              ) : r.proposedOrganisation ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    {r.proposedOrganisation.nameZh} <Tag color="gold">{t('New organisation')}</Tag>
                  </span>
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                    {r.proposedOrganisation.creditCode} ·{' '}
                    {t(ORG_TYPES[r.proposedOrganisation.type] ?? 'Other')}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('Platform'), render: (_, r) => localName(r.platform, locale) },
          {
            title: t('E-mail verified'),
            dataIndex: 'verifiedAt',
            render: (v: string | null) => (v ? formatTime(v, locale) : '—'),
          },
          ...(state === 'refused' ? [{ title: t('Reason'), dataIndex: 'refusalReason' as const }] : []),
          ...(state === 'pending'
            ? [
                {
                  title: t('Actions'),
                  ...actions(),
                  render: (_: unknown, r: RegistrationView) => (
                    <Space>
                      {r.approval.allowed ? (
                        <Popconfirm
                          title={t(
                            'Approve this registration? An applicant account is created for this platform.',
                          )}
                          onConfirm={() => approve(r)}
                          okText={t('registration.approve')}
                        >
                          <Button type="primary" size="small">
                            {t('registration.approve')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        // The server says, per row and by the approval's own rule, why this caller may not.
                        <Tooltip title={blockedText(r)}>
                          {/* A disabled button takes no pointer: the wrapper carries the hover. */}
                          <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
                            <Button type="primary" size="small" disabled style={{ pointerEvents: 'none' }}>
                              {t('registration.approve')}
                            </Button>
                          </span>
                        </Tooltip>
                      )}
                      <Button size="small" danger onClick={() => setRefusing(r)}>
                        {t('registration.refuse')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<{ reason: string }>
        open={!!refusing}
        title={t('Refuse the registration of {{name}}', { name: refusing?.name ?? '' })}
        okText={t('registration.refuse')}
        form={form}
        onCancel={() => setRefusing(null)}
        onSubmit={async (v) => {
          await registrationsApi.refuse(refusing!.id, v.reason.trim());
          setRefusing(null);
          form.resetFields();
          list.reload();
        }}
      >
        <Form.Item
          name="reason"
          label={t('Reason (e-mailed to the person)')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('Give a reason') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
