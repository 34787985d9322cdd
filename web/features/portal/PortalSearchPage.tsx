import { List, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type PublicSearch as Found, type ResultFilters, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { IllustrativeTag } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { PublicSearch, type SearchState } from '../../components/PublicSearch.js';
import { pickFilled, TYPE_LABELS, trlOptions, trlText, typeOptions } from '../../components/result-labels.js';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

const filtersOf = ({ q, page, params }: SearchState): ResultFilters => ({
  q,
  type: params.get('type') ?? undefined,
  platformId: params.get('platform') ?? undefined,
  unitId: params.get('unit') ?? undefined,
  fieldId: params.get('field') ?? undefined,
  trlMin: num(params.get('trlMin')),
  trlMax: num(params.get('trlMax')),
  page,
});

type Hit = Found['items'][number];

/** The public portal: search public results in Chinese or English, filter, page; no sign-in. */
export default function PortalSearchPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const options = useApi(() => resultsApi.publicFilters(), []);
  const o = options.data;
  const facet = (f: { id: string; nameZh: string; nameEn: string; count: number }) => ({
    value: f.id,
    label: `${localName(f, locale)} (${f.count})`,
  });
  return (
    <PublicSearch<Hit>
      title={t('Results and technologies')}
      subtitle={t(
        'Publications, standards, reference materials and data, software, datasets and technologies available for licensing.',
      )}
      searchLabel={t('Search results and technologies')}
      placeholder={t('Search in Chinese or English, e.g. 原子钟 or atomic clock')}
      fetcher={(state, pageSize) => resultsApi.publicSearch({ ...filtersOf(state), pageSize })}
      rowKey={(r) => r.id}
      totalText={(n) => t('{{n}} results', { n, count: n })}
      emptyText={t('No public results match')}
      testIdPrefix="portal"
      filters={(state, set) => {
        const filters = filtersOf(state);
        const units = (o?.units ?? []).filter(
          (u) => !filters.platformId || u.platformId === filters.platformId,
        );
        return (
          <>
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('Type')}
              aria-label={t('Type')}
              value={filters.type}
              options={typeOptions(t).map((x) => ({
                ...x,
                label: `${x.label} (${o?.types.find((c) => c.type === x.value)?.count ?? 0})`,
              }))}
              onChange={(v) => set({ type: v })}
              data-testid="filter-type"
            />
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('Platform')}
              aria-label={t('Platform')}
              value={filters.platformId}
              options={(o?.platforms ?? []).map(facet)}
              onChange={(v) => set({ platform: v, unit: null })}
            />
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('Unit')}
              aria-label={t('Unit')}
              value={filters.unitId}
              options={units.map(facet)}
              onChange={(v) => set({ unit: v })}
            />
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('Technology field')}
              aria-label={t('Technology field')}
              value={filters.fieldId}
              options={(o?.fields ?? []).map(facet)}
              onChange={(v) => set({ field: v })}
            />
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('Lowest TRL')}
              aria-label={t('Lowest TRL')}
              value={filters.trlMin}
              options={trlOptions(locale).map((x) => ({
                value: x.value,
                label: `TRL ≥ ${x.value}`,
                title: x.label,
              }))}
              onChange={(v) => set({ trlMin: v })}
            />
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('Highest TRL')}
              aria-label={t('Highest TRL')}
              value={filters.trlMax}
              options={trlOptions(locale).map((x) => ({
                value: x.value,
                label: `TRL ≤ ${x.value}`,
                title: x.label,
              }))}
              onChange={(v) => set({ trlMax: v })}
            />
          </>
        );
      }}
      renderItem={(r) => (
        <List.Item.Meta
          title={
            <Space wrap>
              <Link to={`/public/results/${r.id}`}>{pickFilled(r.titleZh, r.titleEn, locale)}</Link>
              <Tag color="blue">{t(TYPE_LABELS[r.type])}</Tag>
              {r.trl ? (
                <Tooltip title={trlText(r.trl.level, locale)}>
                  <Tag color="geekblue">TRL {r.trl.level}</Tag>
                </Tooltip>
              ) : null}
              {r.isIllustrative ? <IllustrativeTag /> : null}
            </Space>
          }
          description={
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">
                {[localName(r.platform, locale), r.unit ? localName(r.unit, locale) : null, r.year]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {pickFilled(r.summaryZh, r.summaryEn, locale)}
              </Typography.Paragraph>
            </Space>
          }
        />
      )}
    />
  );
}
