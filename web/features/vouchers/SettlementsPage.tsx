import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Redemption, type SettlementSummary, vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { fileOptions } from '../../components/file-options.js';
import { money } from '../../components/money.js';
import { saveFile } from '../../components/save-file.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { REDEMPTION_STATE_COLORS, REDEMPTION_STATE_LABELS } from './labels.js';

/** The statement lines of one batch: each redemption with its contract and proof of payment. */
function StatementLines({ id }: { id: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const s = useApi(() => vouchersApi.settlement(id), [id]);
  if (s.error) return <LoadFailed error={s.error} />;
  if (!s.data) return <Centered />;
  return (
    <Table<Redemption>
      scroll={WIDE}
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="settlement-lines"
      dataSource={s.data.redemptions}
      columns={[
        { title: t('Contract number'), dataIndex: 'contractRef' },
        { title: t('Payment reference'), dataIndex: 'paymentRef' },
        {
          title: t('Quoted price'),
          align: 'right',
          render: (_, x) => money(x.priceMinor, x.currency, locale),
        },
        {
          title: t('Voucher part'),
          align: 'right',
          render: (_, x) => money(x.voucherMinor, x.currency, locale),
        },
        {
          title: t('Redeemed at'),
          render: (_, x) => (x.redeemedAt ? formatTime(x.redeemedAt, locale) : '—'),
        },
        {
          title: t('State'),
          render: (_, x) => (
            <Tag color={REDEMPTION_STATE_COLORS[x.state]}>{t(REDEMPTION_STATE_LABELS[x.state])}</Tag>
          ),
        },
      ]}
    />
  );
}

/** 创新券结算: the supervisor settles each month's redemptions in one batch and downloads its statement. */
export default function SettlementsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(['supervisor', 'platform_admin']);
  const [settling, setSettling] = useState(false);
  const [form] = Form.useForm<{ month: Dayjs }>();
  const list = useApi(
    () => (platformId ? vouchersApi.settlements(platformId) : Promise.resolve({ items: [] })),
    [platformId],
  );
  const statement = (id: string, as: 'xlsx' | 'pdf') =>
    (as === 'pdf' ? vouchersApi.statementPdf(id, fileOptions(locale)) : vouchersApi.statement(id))
      .then(saveFile)
      .catch((e) => message.error(errorText(t, e)));
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('Voucher settlements')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {picker}
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setSettling(true);
            }}
          >
            {t('Settle a month')}
          </Button>
        </Space>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<SettlementSummary>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (s) => <StatementLines id={s.id} /> }}
        columns={[
          { title: t('Month'), dataIndex: 'month' },
          { title: t('Total'), align: 'right', render: (_, s) => money(s.totalMinor, s.currency, locale) },
          { title: t('Settled at'), render: (_, s) => formatTime(s.createdAt, locale) },
          {
            title: t('Statement'),
            render: (_, s) => (
              <Space size="small">
                <Button size="small" icon={<DownloadOutlined />} onClick={() => statement(s.id, 'xlsx')}>
                  XLSX
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => statement(s.id, 'pdf')}>
                  PDF
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ month: Dayjs }>
        open={settling}
        title={t('Settle a month')}
        okText={t('Settle')}
        onCancel={() => setSettling(false)}
        form={form}
        formTestId="settle-form"
        initialValues={{ month: dayjs() }}
        onSubmit={async (v) => {
          await vouchersApi.settle(platformId!, v.month.format('YYYY-MM'));
          setSettling(false);
          message.success(t('Saved'));
          list.reload();
        }}
      >
        <Typography.Paragraph type="secondary">
          {t('Every redemption made before the end of the month and not yet settled goes into one batch.')}
        </Typography.Paragraph>
        <Form.Item name="month" label={t('Month')} rules={[{ required: true }]}>
          <DatePicker picker="month" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
