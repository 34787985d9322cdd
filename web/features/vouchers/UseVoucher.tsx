import { App, Button, Descriptions, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../api/services.js';
import { vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { money } from '../../components/money.js';
import { errorText } from '../../i18n/errors.js';
import { REDEMPTION_STATE_COLORS, REDEMPTION_STATE_LABELS } from './labels.js';

/** Request states in which the enterprise may still put a voucher on the quote (as the server allows). */
const PAYABLE: ReadonlySet<string> = new Set(['quoted', 'accepted', 'contracted']);

/**
 * The voucher part of a request: the part already planned or redeemed, or (for the enterprise, while the
 * quote stands) a choice of its issued vouchers; the server computes the part from the scheme's share.
 */
export function UseVoucher({ r, enterprise }: { r: ServiceRequest; enterprise: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [voucherId, setVoucherId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const used = useApi(() => vouchersApi.redemptions(r.platformId), [r.platformId, r.id]);
  const mine = useApi(
    () =>
      enterprise && PAYABLE.has(r.state)
        ? vouchersApi.vouchers({ platformId: r.platformId, view: 'mine' })
        : Promise.resolve({ items: [] }),
    [enterprise, r.platformId, r.state],
  );
  const part = used.data?.items.find((x) => x.serviceRequestId === r.id);
  if (part)
    return (
      <Descriptions size="small" column={1} bordered data-testid="request-voucher">
        <Descriptions.Item label={t('Voucher part')}>
          {money(part.voucherMinor, part.currency, locale)}{' '}
          <Tag color={REDEMPTION_STATE_COLORS[part.state]}>{t(REDEMPTION_STATE_LABELS[part.state])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('Enterprise’s own share')}>
          {money(part.priceMinor - part.voucherMinor, part.currency, locale)}
        </Descriptions.Item>
      </Descriptions>
    );
  const usable = (mine.data?.items ?? []).filter((v) => v.state === 'issued' && v.balanceMinor > 0);
  if (!enterprise || !PAYABLE.has(r.state) || usable.length === 0) return null;
  const pay = async () => {
    if (!voucherId) return;
    setBusy(true);
    try {
      await vouchersApi.use(r.id, voucherId);
      message.success(t('The voucher pays part of this quote'));
      used.reload();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap data-testid="request-voucher-choice">
      <Select
        style={{ minWidth: 280 }}
        placeholder={t('Choose a voucher')}
        aria-label={t('Choose a voucher')}
        value={voucherId}
        onChange={setVoucherId}
        options={usable.map((v) => ({
          value: v.id,
          label: t('{{year}} voucher, balance {{balance}}', {
            year: v.year,
            balance: money(v.balanceMinor, v.currency, locale),
          }),
        }))}
      />
      <Button type="primary" disabled={!voucherId} loading={busy} onClick={pay}>
        {t('Pay part with the voucher')}
      </Button>
    </Space>
  );
}
