import { Button, List, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Instrument, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { localName } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { PlatformSearch } from '../../components/PlatformSearch.js';
import { pickFilled } from '../../components/result-labels.js';
import { InstrumentCalendar } from './InstrumentCalendar.js';

/** One instrument as a list item: name, model, unit, location, rate, enterprise share; its calendar on demand. */
export function InstrumentItem({
  i,
  extra,
  publicView,
}: {
  i: Instrument;
  extra?: ReactNode;
  publicView?: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [showing, setShowing] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List.Item.Meta
        title={
          <Space wrap>
            {pickFilled(i.nameZh, i.nameEn, locale)}
            <Tag>{i.model}</Tag>
            {i.enterpriseSharePercent > 0 ? (
              <Tag color="green">{t('Enterprise share {{n}}%', { n: i.enterpriseSharePercent })}</Tag>
            ) : null}
            <Button size="small" onClick={() => setShowing((s) => !s)} aria-expanded={showing}>
              {showing ? t('Hide calendar') : t('Calendar')}
            </Button>
            {extra}
          </Space>
        }
        description={
          <Typography.Text type="secondary">
            {[
              localName(i.unit, locale),
              i.location,
              t('{{price}} per machine hour', { price: money(i.hourlyRateMinor, i.currency, locale) }),
              t('At most {{n}} hours per booking', { n: i.maxBookingHours, count: i.maxBookingHours }),
            ].join(' · ')}
          </Typography.Text>
        }
      />
      {showing ? <InstrumentCalendar instrument={i} publicView={publicView} /> : null}
    </Space>
  );
}

/**
 * The published instruments of a platform, searched in Chinese or English and filtered by unit, on the
 * shared platform search; the public portal and the enterprise's workspace both show it. `action` adds a
 * button to each instrument (the enterprise's "book").
 */
export function InstrumentSearch({
  platforms,
  action,
}: {
  platforms?: string[];
  action?(i: Instrument): ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PlatformSearch<Instrument>
      platforms={platforms}
      title={t('Shared instruments')}
      subtitle={t('Large instruments of the platforms’ units, booked by the machine hour.')}
      searchLabel={t('Search instruments')}
      placeholder={t('Search in Chinese or English, e.g. 质谱 or spectrometer')}
      testIdPrefix="instruments"
      rowKey={(i) => i.id}
      totalText={(n) => t('{{n}} instruments', { n, count: n })}
      emptyText={t('No published instrument matches')}
      fetcher={({ platformId, unitId, q, page }, pageSize) =>
        instrumentsApi.publicList(platformId, { q, page, pageSize, unitId })
      }
      renderItem={(i) => <InstrumentItem i={i} extra={action?.(i)} publicView={!action} />}
    />
  );
}
