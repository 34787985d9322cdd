import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_SIZES, type EnterpriseProfile } from '../../../common/vouchers.js';
import { type Scheme, type Voucher, vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { LEDGER_KIND_LABELS, SIZE_LABELS, VOUCHER_STATE_COLORS, VOUCHER_STATE_LABELS } from './labels.js';

interface ApplyValues extends Omit<EnterpriseProfile, 'registeredOn' | 'fieldIds'> {
  amountMinor: number;
  registeredOn: Dayjs;
}

/** A voucher's ledger: every credit and debit with the balance after it (the balance is their sum). */
function Ledger({ id }: { id: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const v = useApi(() => vouchersApi.voucher(id), [id]);
  if (v.error) return <LoadFailed error={v.error} />;
  if (!v.data) return <Centered />;
  const currency = v.data.currency;
  return (
    <Table
      scroll={WIDE}
      size="small"
      rowKey="seq"
      pagination={false}
      data-testid="voucher-ledger"
      dataSource={v.data.ledger ?? []}
      columns={[
        { title: t('When'), render: (_, e) => formatTime(e.at, locale) },
        { title: t('Movement'), render: (_, e) => t(LEDGER_KIND_LABELS[e.kind] ?? e.kind) },
        { title: t('Amount'), align: 'right', render: (_, e) => money(e.amountMinor, currency, locale) },
        {
          title: t('Balance after'),
          align: 'right',
          render: (_, e) => money(e.balanceAfterMinor, currency, locale),
        },
      ]}
    />
  );
}

/** 我的创新券: the enterprise applies under open schemes and follows its vouchers, balances and ledgers. */
export default function MyVouchersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(['enterprise_user']);
  const [applying, setApplying] = useState<Scheme | null>(null);
  const [form] = Form.useForm<ApplyValues>();
  const schemes = useApi(
    () => (platformId ? vouchersApi.schemes(platformId) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const mine = useApi(
    () => (platformId ? vouchersApi.vouchers({ platformId, view: 'mine' }) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const open = (schemes.data?.items ?? []).filter((s) => s.state === 'open');
  const schemeName = (id: string) => {
    const s = schemes.data?.items.find((x) => x.id === id);
    return s ? pickFilled(s.nameZh, s.nameEn, locale) : '';
  };
  const balance = (mine.data?.items ?? []).filter((v) => v.state === 'issued');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t('My innovation vouchers')}
          </Typography.Title>
        }
        extra={picker}
      >
        {mine.error ? <LoadFailed error={mine.error} /> : null}
        <Typography.Paragraph data-testid="voucher-balance">
          {balance.length === 0
            ? t('No issued voucher yet')
            : t('Balance: {{amount}}', {
                amount: money(
                  balance.reduce((n, v) => n + v.balanceMinor, 0),
                  balance[0]!.currency,
                  locale,
                ),
              })}
        </Typography.Paragraph>
        <Table<Voucher>
          scroll={WIDE}
          rowKey="id"
          loading={mine.loading}
          dataSource={mine.data?.items ?? []}
          pagination={false}
          expandable={{
            expandedRowRender: (v) => <Ledger id={v.id} />,
            rowExpandable: (v) => v.state === 'issued',
          }}
          columns={[
            { title: t('Scheme'), render: (_, v) => schemeName(v.schemeId) },
            { title: t('Year'), dataIndex: 'year' },
            {
              title: t('Amount'),
              align: 'right',
              render: (_, v) => money(v.amountMinor, v.currency, locale),
            },
            {
              title: t('Balance'),
              align: 'right',
              render: (_, v) => money(v.balanceMinor, v.currency, locale),
            },
            {
              title: t('State'),
              render: (_, v) => (
                <Tag color={VOUCHER_STATE_COLORS[v.state]}>{t(VOUCHER_STATE_LABELS[v.state])}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('Open voucher schemes')}>
        <Table<Scheme>
          scroll={WIDE}
          rowKey="id"
          loading={schemes.loading}
          dataSource={open}
          pagination={false}
          columns={[
            { title: t('Scheme'), render: (_, s) => pickFilled(s.nameZh, s.nameEn, locale) },
            { title: t('Valid from and to'), render: (_, s) => `${s.validFrom} – ${s.validTo}` },
            {
              title: t('Actions'),
              ...actions(),
              render: (_, s) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    form.resetFields();
                    setApplying(s);
                  }}
                >
                  {t('Apply for a voucher')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <FormModal<ApplyValues>
        open={applying !== null}
        title={applying ? pickFilled(applying.nameZh, applying.nameEn, locale) : ''}
        okText={t('Submit')}
        onCancel={() => setApplying(null)}
        form={form}
        formTestId="voucher-apply-form"
        onSubmit={async ({ amountMinor, registeredOn, ...p }) => {
          await vouchersApi.apply(applying!.id, {
            amountMinor,
            profile: { ...p, fieldIds: [], registeredOn: registeredOn.format('YYYY-MM-DD') },
          });
          setApplying(null);
          message.success(t('Your application is sent to the supervisor'));
          mine.reload();
        }}
      >
        <Form.Item name="amountMinor" label={t('Amount applied for')} rules={[{ required: true }]}>
          <MoneyInput currency={applying?.currency ?? 'CNY'} testId="voucher-amount" />
        </Form.Item>
        <Form.Item name="size" label={t('Enterprise size')} rules={[{ required: true }]}>
          <Select options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(SIZE_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="region" label={t('Region')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('Enterprise registered on')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="controllerName" label={t('Actual controller')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="controllerId"
          label={t('Actual controller’s ID or credit code')}
          rules={[{ required: true }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
