import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../../../common/platforms.js';
import { type AgreementView, type ReceiptView, ttApi } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { formatMoney } from '../../../components/money.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import {
  AGREEMENT_KIND_LABELS,
  CRADA_CLASS_LABELS,
  EXCLUSIVITY_LABELS,
  LICENCE_KIND_LABELS,
  RECEIPT_CATEGORY_LABELS,
  TERMINATION_REASON_LABELS,
} from '../labels.js';
import { ReceiptForm } from './ReceiptForm.js';

export const money = (m: { amountMinor: number; currency: string }, locale: string) =>
  formatMoney(m.amountMinor, m.currency, currencyDigits(m.currency), locale);

/** One agreement: its terms, the IP it covers, the receipts with their distribution, and a receipt form. */
export function AgreementDrawer({
  agreementId,
  version,
  onClose,
  onEdit,
  onChanged,
}: {
  agreementId: string | null;
  version: number;
  onClose(): void;
  onEdit(a: AgreementView): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const loaded = useApi(
    () => (agreementId ? ttApi.agreement(agreementId) : Promise.resolve(null)),
    [agreementId, version],
  );
  const a = loaded.data;
  const dash = (v: string | null | undefined) => v ?? '—';
  return (
    <Drawer
      open={agreementId !== null}
      onClose={onClose}
      size="large"
      title={a ? `${a.refNo} · ${a.title}` : t('Agreement')}
      extra={
        a && (
          <Button onClick={() => onEdit(a)} data-testid="agreement-edit">
            {t('Edit')}
          </Button>
        )
      }
      data-testid="agreement-drawer"
    >
      {loaded.error ? <Alert type="error" showIcon title={errorText(t, loaded.error)} /> : null}
      {a && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('Kind')}>{t(AGREEMENT_KIND_LABELS[a.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('Licensee or partner')}>
              {locale === 'zh-CN' ? a.partner.nameZh : (a.partner.nameEn ?? a.partner.nameZh)}
              {a.partner.smallBusiness && <Tag style={{ marginLeft: 8 }}>{t('Small business')}</Tag>}
            </Descriptions.Item>
            {a.licenceKind && (
              <Descriptions.Item label={t('What is licensed')}>
                {t(LICENCE_KIND_LABELS[a.licenceKind])}
              </Descriptions.Item>
            )}
            {a.exclusivity && (
              <Descriptions.Item label={t('Exclusivity')}>
                {t(EXCLUSIVITY_LABELS[a.exclusivity])}
              </Descriptions.Item>
            )}
            {a.cradaClass && (
              <Descriptions.Item label={t('CRADA class')}>
                {t(CRADA_CLASS_LABELS[a.cradaClass])}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('Field of use')}>{dash(a.fieldOfUse)}</Descriptions.Item>
            <Descriptions.Item label={t('Territory')}>{dash(a.territory)}</Descriptions.Item>
            <Descriptions.Item label={t('Requested in writing on')}>{dash(a.requestDate)}</Descriptions.Item>
            <Descriptions.Item label={t('Executed on')}>{a.executionDate}</Descriptions.Item>
            <Descriptions.Item label={t('Term ends on')}>{dash(a.endDate)}</Descriptions.Item>
            <Descriptions.Item label={t('Terminated on')}>
              {a.terminationDate
                ? `${a.terminationDate} (${a.terminationReason ? t(TERMINATION_REASON_LABELS[a.terminationReason]) : '—'})`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('Contract value')}>
              {a.contractValue ? money(a.contractValue, locale) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('Received in total')}>
              <span data-testid="agreement-received">
                {a.received.length ? a.received.map((m) => money(m, locale)).join(' + ') : '—'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('Intellectual property')} span={2}>
              {a.ip.length ? a.ip.map((l) => <Tag key={l.label}>{l.label}</Tag>) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('Receipts')}</Typography.Title>
            <ReceiptForm agreement={a} onDone={onChanged} />
            <Table<ReceiptView>
              scroll={WIDE}
              rowKey="id"
              size="small"
              style={{ marginTop: 12 }}
              pagination={false}
              dataSource={a.receipts}
              data-testid="receipts-table"
              expandable={{
                rowExpandable: (r) => r.distributions.length > 0,
                expandedRowRender: (r) => (
                  <Descriptions size="small" column={1} title={t('Distribution')}>
                    {r.distributions.map((d) => (
                      <Descriptions.Item key={d.id} label={d.recipientName}>
                        {money(d.amount, locale)}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              }}
              columns={[
                { title: t('Received on'), dataIndex: 'receivedDate' },
                { title: t('Category'), render: (_, r) => t(RECEIPT_CATEGORY_LABELS[r.category]) },
                { title: t('Amount'), align: 'right', render: (_, r) => money(r.amount, locale) },
                {
                  title: t('To inventors'),
                  align: 'right',
                  render: (_, r) => {
                    const own = r.distributions.filter((d) => d.recipientKind === 'inventor');
                    const sum = own.reduce((n, d) => n + d.amount.amountMinor, 0);
                    return own.length
                      ? money({ amountMinor: sum, currency: r.amount.currency }, locale)
                      : '—';
                  },
                },
                { title: t('Note'), render: (_, r) => r.note ?? '' },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
