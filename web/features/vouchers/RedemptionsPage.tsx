import { App, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Redemption, vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { UNIT_ROLES, useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { money } from '../../components/money.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { REDEMPTION_STATE_COLORS, REDEMPTION_STATE_LABELS } from './labels.js';

interface RedeemValues {
  contractRef: string;
  paymentRef: string;
  paidByEnterpriseMinor: number;
}

/**
 * 创新券兑付: the provider unit redeems the voucher part of a delivered request with the contract, the
 * report (checked by the server) and proof that the enterprise paid its own share; overseers read all.
 */
export default function RedemptionsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform([...UNIT_ROLES, 'supervisor']);
  const [redeeming, setRedeeming] = useState<Redemption | null>(null);
  const [form] = Form.useForm<RedeemValues>();
  const list = useApi(
    () => (platformId ? vouchersApi.redemptions(platformId) : Promise.resolve({ items: [] })),
    [platformId],
  );
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('Voucher redemptions')}
        </Typography.Title>
      }
      extra={picker}
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Redemption>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Request number'), dataIndex: 'serviceRequestNumber' },
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
            title: t('Enterprise’s own share'),
            align: 'right',
            render: (_, x) => money(x.priceMinor - x.voucherMinor, x.currency, locale),
          },
          {
            title: t('Proof of payment'),
            render: (_, x) =>
              x.paymentRef
                ? `${x.contractRef} · ${x.paymentRef} · ${money(x.paidByEnterpriseMinor ?? 0, x.currency, locale)}`
                : '—',
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
          {
            title: t('Actions'),
            ...actions(),
            render: (_, x) =>
              x.state === 'planned' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    form.resetFields();
                    setRedeeming(x);
                  }}
                >
                  {t('Redeem')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<RedeemValues>
        open={redeeming !== null}
        title={t('Redeem the voucher part')}
        okText={t('Redeem')}
        onCancel={() => setRedeeming(null)}
        form={form}
        formTestId="redeem-form"
        initialValues={
          redeeming ? { paidByEnterpriseMinor: redeeming.priceMinor - redeeming.voucherMinor } : {}
        }
        onSubmit={async (v) => {
          await vouchersApi.redeem(redeeming!.id, v);
          setRedeeming(null);
          message.success(t('Redeemed'));
          list.reload();
        }}
      >
        {redeeming ? (
          <Typography.Paragraph>
            {t('The voucher pays {{part}}; the enterprise owes {{own}} of {{price}}.', {
              part: money(redeeming.voucherMinor, redeeming.currency, locale),
              own: money(redeeming.priceMinor - redeeming.voucherMinor, redeeming.currency, locale),
              price: money(redeeming.priceMinor, redeeming.currency, locale),
            })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="contractRef" label={t('Contract number')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="paymentRef"
          label={t('Payment reference of the enterprise’s share')}
          rules={[{ required: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="paidByEnterpriseMinor"
          label={t('Amount the enterprise paid')}
          rules={[{ required: true }]}
        >
          <MoneyInput currency={redeeming?.currency ?? 'CNY'} testId="redeem-paid" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
