import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_CATEGORIES } from '../../../common/platforms.js';
import type { CommitteeView } from '../../api/types.js';
import { Chart, type ChartOption } from '../../components/Chart.js';
import { CATEGORY_COLORS, COMMITTEE_CATEGORY_LABELS } from '../../components/labels.js';

type Composition = CommitteeView['composition'];

/** Serving members by category (academic / lab / industry) as a ring with the counts. */
export function CompositionChart({
  composition,
  height = 260,
}: {
  composition: Composition;
  height?: number;
}) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      color: COMMITTEE_CATEGORIES.map((c) => CATEGORY_COLORS[c]),
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { right: '6%', top: 'middle', orient: 'vertical', itemGap: 14 },
      title: {
        text: String(composition.total),
        subtext: t('serving members'),
        left: '25%',
        top: 'middle',
        textAlign: 'center',
        textStyle: { fontSize: 24, fontWeight: 600 },
      },
      series: [
        {
          type: 'pie',
          radius: ['52%', '78%'],
          center: ['25%', '50%'],
          label: { formatter: '{c}', fontSize: 13 },
          data: COMMITTEE_CATEGORIES.map((c) => ({
            name: t(COMMITTEE_CATEGORY_LABELS[c]),
            value: composition[c],
          })),
        },
      ],
    }),
    [composition, t],
  );
  if (composition.total === 0) return <Empty description={t('No members serving')} />;
  return (
    <Chart
      option={option}
      height={height}
      label={t('Committee composition by category')}
      testId="composition-chart"
    />
  );
}
