import { Flex, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../common/calls.js';
import { RubricBands } from '../../../components/DualScorecard.js';
import { CRITERIA_SHOWN } from '../../../components/labels.js';

export type Entry = { score: number | null; comment: string };

/**
 * One criterion of the expert's scorecard: its name and weight, what each band of scores means, the score
 * and the comment, each a named field with its error under it.
 */
export function CriterionScore({
  criterion: c,
  scale,
  entry,
  editable,
  errors,
  onChange,
}: {
  criterion: { key: Criterion; weight: number };
  scale: { min: number; max: number };
  entry: Entry | undefined;
  editable: boolean;
  errors: Record<string, string>;
  onChange(patch: Partial<Entry>): void;
}) {
  const { t } = useTranslation();
  const name = t(CRITERIA_SHOWN[c.key]);
  return (
    <div style={{ marginBottom: 16 }} data-testid={`criterion-${c.key}`}>
      <Typography.Text strong>{name}</Typography.Text>{' '}
      <Typography.Text type="secondary">{t('Weight {{w}}', { w: c.weight })}</Typography.Text>
      <RubricBands criterion={c.key} scale={scale} />
      <Flex gap={12} align="flex-start">
        <div style={{ flex: 'none' }}>
          <InputNumber
            min={scale.min}
            max={scale.max}
            step={1}
            value={entry?.score ?? null}
            disabled={!editable}
            onChange={(x) => onChange({ score: typeof x === 'number' ? x : null })}
            status={errors[`${c.key}.score`] ? 'error' : undefined}
            aria-label={name}
            data-testid={`score-${c.key}`}
          />
          {errors[`${c.key}.score`] ? (
            <div>
              <Typography.Text type="danger">{errors[`${c.key}.score`]}</Typography.Text>
            </div>
          ) : null}
        </div>
        <div style={{ flex: 'auto', minWidth: 0 }}>
          <Input.TextArea
            rows={2}
            maxLength={4000}
            value={entry?.comment ?? ''}
            disabled={!editable}
            placeholder={t('Comment (required)')}
            aria-label={t('Comment on {{criterion}}', { criterion: name })}
            onChange={(e) => onChange({ comment: e.target.value })}
            status={errors[`${c.key}.comment`] ? 'error' : undefined}
            data-testid={`comment-${c.key}`}
          />
          {errors[`${c.key}.comment`] ? (
            <Typography.Text type="danger">{errors[`${c.key}.comment`]}</Typography.Text>
          ) : null}
        </div>
      </Flex>
    </div>
  );
}
