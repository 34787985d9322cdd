import { Button, List, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { type Instrument, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { PublicSearch } from '../../components/PublicSearch.js';
import { pick } from '../results/labels.js';
import { UnitFilter } from '../services/ServiceSearch.js';
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
            {pick(i.nameZh, i.nameEn, locale)}
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
 * one shared search; the public portal and the enterprise's workspace both show it. `action` adds a
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
  const all = useApi(() => api.platforms(), []);
  const list = (all.data?.items ?? []).filter((p) => !platforms || platforms.includes(p.id));
  // The first search needs the platform to search in: a fetch before the platforms load would find
  // nothing and, the URL unchanged, never run again.
  if (!all.data) return all.error ? <LoadFailed error={all.error} /> : <Centered />;
  return (
    <PublicSearch<Instrument>
      title={t('Shared instruments')}
      subtitle={t('Large instruments of the platforms’ units, booked by the machine hour.')}
      placeholder={t('Search in Chinese or English, e.g. 质谱 or spectrometer')}
      testIdPrefix="instruments"
      rowKey={(i) => i.id}
      totalText={(n) => t('{{n}} instruments', { n, count: n })}
      emptyText={t('No published instrument matches')}
      fetcher={async ({ q, page, params }, pageSize) => {
        const platformId = params.get('platform') ?? defaultPlatform(list);
        if (!platformId) return { items: [], total: 0 };
        return instrumentsApi.publicList(platformId, {
          q,
          page,
          pageSize,
          unitId: params.get('unit') ?? undefined,
        });
      }}
      filters={({ params }, set) => {
        const platformId = params.get('platform') ?? defaultPlatform(list);
        return (
          <>
            <PlatformSelect
              platforms={list}
              value={platformId}
              onChange={(id) => set({ platform: id, unit: null })}
            />
            {platformId ? (
              <UnitFilter
                platformId={platformId}
                value={params.get('unit')}
                onChange={(v) => set({ unit: v })}
              />
            ) : null}
          </>
        );
      }}
      renderItem={(i) => <InstrumentItem i={i} extra={action?.(i)} publicView={!action} />}
    />
  );
}
