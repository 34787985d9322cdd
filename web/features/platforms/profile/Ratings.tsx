import { Rate, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_DIMENSIONS, RATING_MAX } from '../../../../common/platforms.js';
import { RATING_LABELS } from '../../../components/labels.js';

export interface RatingValues {
  funding: number;
  rd: number;
  management: number;
}

/** Government participation as three 0–3 scales, each with its number so 0 is not mistaken for missing. */
export function Ratings({ ratings }: { ratings: RatingValues }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2} data-testid="ratings">
      {RATING_DIMENSIONS.map((d) => (
        <Space key={d} size={8} data-testid={`rating-${d}`}>
          <Typography.Text style={{ display: 'inline-block', minWidth: 88 }}>
            {t(RATING_LABELS[d])}
          </Typography.Text>
          <Rate disabled count={RATING_MAX} value={ratings[d]} style={{ fontSize: 14 }} />
          <Typography.Text type="secondary" data-testid={`rating-${d}-value`}>
            {ratings[d]} / {RATING_MAX}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
