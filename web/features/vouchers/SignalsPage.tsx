import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FraudSignal, vouchersApi } from '../../api/vouchers.js';
import { useApi } from '../../app/useApi.js';
import { useServicePlatform } from '../../app/useServicePlatform.js';
import { LoadFailed } from '../../components/feedback.js';
import { tk } from '../../i18n/index.js';
import { SIGNAL_LABELS } from './labels.js';

/** The English source label of each evidence field; an unknown one shows its key. */
const EVIDENCE_LABELS: Record<string, string> = {
  controllerId: tk('Actual controller’s ID or credit code'),
  controllerName: tk('Actual controller'),
  organisationIds: tk('Enterprises'),
  voucherIds: tk('Vouchers'),
  redemptionId: tk('Redemption'),
  serviceRequestNumber: tk('Request number'),
  priceMinor: tk('Quoted price'),
  catalogMinor: tk('Catalog price'),
  unitId: tk('Unit'),
  ratings: tk('Ratings'),
  organisationId: tk('Enterprise'),
  people: tk('People in common'),
  address: tk('Address in common'),
};

const evidenceText = (v: unknown): string =>
  Array.isArray(v)
    ? v.map(evidenceText).join('，')
    : typeof v === 'object' && v !== null
      ? JSON.stringify(v)
      : String(v);

/** 风险信号: leads for the supervisor to check, each with the evidence that raised it. */
export default function SignalsPage() {
  const { t } = useTranslation();
  const { platformId, picker } = useServicePlatform(['supervisor']);
  const list = useApi(
    () => (platformId ? vouchersApi.signals(platformId) : Promise.resolve({ items: [] as FraudSignal[] })),
    [platformId],
  );
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('Voucher fraud signals')}
        </Typography.Title>
      }
      extra={picker}
    >
      <Typography.Paragraph type="secondary">
        {t('Signals are leads to check, not findings.')}
      </Typography.Paragraph>
      {list.error ? <LoadFailed error={list.error} /> : null}
      <List<FraudSignal>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('No signal') }}
        renderItem={(s) => (
          <List.Item data-testid="fraud-signal">
            <Descriptions
              size="small"
              column={1}
              title={<Tag color="volcano">{t(SIGNAL_LABELS[s.kind] ?? s.kind)}</Tag>}
              items={Object.entries(s.evidence).map(([k, v]) => ({
                key: k,
                label: t(EVIDENCE_LABELS[k] ?? k),
                children: evidenceText(v),
              }))}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
