import { List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { localName } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { KIND_LABELS, PRICE_RULE_LABELS } from '../../components/service-labels.js';

/** The price as the catalog states it: "¥2,400.00 per sample". */
export function usePriceText() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (s: Pick<Service, 'priceMinor' | 'currency' | 'priceRule'>) =>
    `${money(s.priceMinor, s.currency, locale)} · ${t(PRICE_RULE_LABELS[s.priceRule])}`;
}

/** One catalog entry as a list item: name, kind, unit, accreditation, price, turnaround, description. */
export function ServiceItem({ s, title, extra }: { s: Service; title?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const price = usePriceText();
  return (
    <List.Item.Meta
      title={
        <Space wrap>
          {title ?? pickFilled(s.nameZh, s.nameEn, locale)}
          <Tag color="blue">{t(KIND_LABELS[s.kind])}</Tag>
          {s.accreditations.map((a) => (
            <Tag key={`${a.body}${a.number}`} color="green">
              {a.body} {a.number}
            </Tag>
          ))}
          {extra}
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          <Typography.Text type="secondary">
            {[
              localName(s.unit, locale),
              price(s),
              t('Turnaround {{n}} days', { n: s.turnaroundDays, count: s.turnaroundDays }),
              s.methodStandard,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {pickFilled(s.descriptionZh, s.descriptionEn, locale)}
          </Typography.Paragraph>
        </Space>
      }
    />
  );
}
