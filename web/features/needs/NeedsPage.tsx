import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENTION_FILTERS, type AttentionFilter } from '../../../common/needs.js';
import { type Need, type NeedInput, needsApi } from '../../api/needs.js';
import { hasRole } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { formatMoney } from '../../components/money.js';
import { actions, clippedText, WIDE } from '../../components/tables.js';
import { ContactsTab } from './ContactsTab.js';
import { ATTENTION_LABELS, NEED_STATE_LABELS } from './labels.js';
import { MatchesDrawer } from './MatchesDrawer.js';

/**
 * 技术需求 (docs/needs.md): the enterprise's needs, their matches and contacts; the contacts addressed to
 * a provider; the needs the tech-transfer officers follow up. Each tab shows for the roles it serves.
 */
export default function NeedsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const enterprise = hasRole(user, 'enterprise_user');
  const staff = user.isSystemAdmin || hasRole(user, 'tech_transfer_officer', 'platform_admin', 'supervisor');
  const items = [
    ...(enterprise ? [{ key: 'mine', label: t('My needs'), children: <MyNeeds /> }] : []),
    { key: 'contacts', label: t('Contacts to me'), children: <ContactsTab /> },
    ...(staff ? [{ key: 'attention', label: t('Needs to follow up'), children: <Attention /> }] : []),
  ];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('Technology needs')}
        </Typography.Title>
      }
    >
      <Tabs items={items} />
    </Card>
  );
}

type FormValues = Omit<NeedInput, 'deadline'> & { deadline?: Dayjs | null };

function MyNeeds() {
  const { t, i18n } = useTranslation();
  const { platformId, picker } = useServicePlatform(['enterprise_user']);
  const list = useApi(
    () => (platformId ? needsApi.mine(platformId) : Promise.resolve({ items: [], total: 0 })),
    [platformId],
  );
  const [posting, setPosting] = useState(false);
  const [open, setOpen] = useState<Need | null>(null);
  const [form] = Form.useForm<FormValues>();
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {picker}
        <Button type="primary" onClick={() => setPosting(true)} disabled={!platformId}>
          {t('Post a need')}
        </Button>
      </Space>
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Need>
        scroll={WIDE}
        rowKey="id"
        data-testid="my-needs"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Need'), dataIndex: 'title', ...clippedText(320) },
          {
            title: t('Budget'),
            render: (_, n) =>
              n.budgetMinor === null ? '—' : formatMoney(n.budgetMinor, n.currency, 2, i18n.language),
          },
          { title: t('Deadline'), dataIndex: 'deadline', render: (d) => d ?? '—' },
          {
            title: t('Visibility'),
            render: (_, n) => (n.visibility === 'public' ? t('Public need') : t('Staff only')),
          },
          { title: t('State'), render: (_, n) => <Tag>{t(NEED_STATE_LABELS[n.state])}</Tag> },
          { title: t('Contacts'), render: (_, n) => n.contacts.length },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, n) => (
              <Space>
                <Button size="small" onClick={() => setOpen(n)}>
                  {t('Matches')}
                </Button>
                {n.access.edit ? (
                  <Button
                    size="small"
                    onClick={async () => {
                      await needsApi.move(n.id, 'withdraw');
                      list.reload();
                    }}
                  >
                    {t('Withdraw need')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <MatchesDrawer
        need={open}
        onClose={() => {
          setOpen(null);
          list.reload();
        }}
      />
      <FormModal
        open={posting}
        title={t('Post a need')}
        okText={t('Post')}
        form={form}
        width={640}
        formTestId="need-form"
        initialValues={{ language: 'zh', visibility: 'public', currency: 'CNY' }}
        onCancel={() => setPosting(false)}
        onSubmit={async ({ deadline, ...v }) => {
          const made = await needsApi.post(platformId!, {
            ...v,
            fieldIds: [],
            currency: 'CNY',
            budgetMinor: v.budgetMinor ?? null,
            deadline: deadline ? deadline.format('YYYY-MM-DD') : null,
          });
          setPosting(false);
          form.resetFields();
          list.reload();
          setOpen(made);
        }}
      >
        <Form.Item name="title" label={t('Need')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="problem" label={t('Problem to solve')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="language" label={t('Written in')}>
          <Radio.Group
            options={[
              { value: 'zh', label: t('Chinese') },
              { value: 'en', label: t('English') },
            ]}
          />
        </Form.Item>
        <Form.Item name="budgetMinor" label={t('Budget')}>
          <MoneyInput currency="CNY" />
        </Form.Item>
        <Form.Item name="deadline" label={t('Deadline')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="visibility" label={t('Visibility')}>
          <Radio.Group
            options={[
              { value: 'public', label: t('Public need') },
              { value: 'staff', label: t('Staff only') },
            ]}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}

function Attention() {
  const { t } = useTranslation();
  const { platformId, picker } = useServicePlatform([
    'tech_transfer_officer',
    'platform_admin',
    'supervisor',
  ]);
  const [filter, setFilter] = useState<AttentionFilter | undefined>();
  const list = useApi(
    () => (platformId ? needsApi.attention(platformId, filter) : Promise.resolve({ items: [] })),
    [platformId, filter],
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {picker}
        <Select
          allowClear
          aria-label={t('Follow-up filter')}
          style={{ width: 180 }}
          placeholder={t('Follow-up filter')}
          value={filter}
          onChange={setFilter}
          options={ATTENTION_FILTERS.map((f) => ({ value: f, label: t(ATTENTION_LABELS[f]) }))}
        />
      </Space>
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table
        scroll={WIDE}
        rowKey={(i) => i.need.id}
        data-testid="needs-attention"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Need'), render: (_, i) => i.need.title },
          { title: t('Enterprise'), render: (_, i) => i.need.organisation?.nameZh ?? '—' },
          { title: t('Matches'), render: (_, i) => i.matches },
          {
            title: t('Contacts'),
            render: (_, i) => `${i.contacts.sent} / ${i.contacts.accepted} / ${i.contacts.declined}`,
          },
          {
            title: t('Follow-up'),
            render: (_, i) =>
              i.flags.map((f) => (
                <Tag key={f} color={f === 'unmatched' || f === 'declined' ? 'red' : 'orange'}>
                  {t(ATTENTION_LABELS[f])}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}
