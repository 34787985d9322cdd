import { Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_DIMENSIONS } from '../../../../common/platforms.js';
import type { ComparisonItem } from '../../../api/types.js';
import { useLocale } from '../../../app/locale.js';
import { FieldTags } from '../../../components/FieldTreeSelect.js';
import { IllustrativeTag } from '../../../components/feedback.js';
import { MODEL_COLORS, RATING_LABELS } from '../../../components/labels.js';
import { formatCompact } from '../../../components/money.js';
import { WIDE } from '../../../components/tables.js';
import { MODEL_LABELS } from '../../../i18n/labels.js';

/** Model, ratings, funding total, units and fields of every platform, one row each. */
export function ComparisonTable({
  items,
  linkOf,
}: {
  items: ComparisonItem[];
  linkOf(p: ComparisonItem): ReactNode;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Table<ComparisonItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={WIDE}
      data-testid="comparison-table"
      columns={[
        {
          title: t('Platform'),
          render: (_, p) => (
            <Space size={4} wrap>
              {linkOf(p)}
              {p.isIllustrative && <IllustrativeTag note={p.notes} />}
            </Space>
          ),
        },
        {
          title: t('Construction model'),
          render: (_, p) => <Tag color={MODEL_COLORS[p.model]}>{t(MODEL_LABELS[p.model])}</Tag>,
        },
        { title: t('Country'), dataIndex: 'country', render: (c: string | null) => c ?? '—' },
        ...RATING_DIMENSIONS.map((d) => ({
          title: t(RATING_LABELS[d]),
          key: d,
          align: 'center' as const,
          render: (_: unknown, p: ComparisonItem) => p.ratings[d],
        })),
        {
          title: t('Funding counted'),
          align: 'right' as const,
          render: (_, p) =>
            p.funding.totalMinor ? (
              <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatCompact(p.funding.totalMinor, p.funding.currency, p.funding.currencyDigits, locale)}
                  {p.funding.hasIllustrative ? ' *' : ''}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.funding.years.length > 1
                    ? `${p.funding.years[0]}–${p.funding.years[p.funding.years.length - 1]}`
                    : (p.funding.years[0] ?? '')}
                </Typography.Text>
              </Space>
            ) : (
              '—'
            ),
        },
        { title: t('Units'), dataIndex: 'unitCount', align: 'right' as const },
        { title: t('Fields covered'), render: (_, p) => <FieldTags fields={p.fields} /> },
      ]}
    />
  );
}
