import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRITERION_LABELS, type Criterion } from '../../common/calls.js';
import { bands, byDimension, RUBRIC } from './dualScorecard.rubric.js';

export interface DualCriteria {
  scale: { min: number; max: number };
  items: ReadonlyArray<{ key: Criterion; weight: number }>;
}

export interface DualScores {
  scores: Array<{ criterion: Criterion; score: number; comment: string }>;
  overallComment: string | null;
}

const DIMENSION_LABELS = { academic: 'Academic evaluation', economic: 'Economic evaluation' } as const;

/** What each band of scores means on one criterion (8–10: …, 4–7: …, 1–3: …), shown beside its score. */
export function RubricBands({ criterion, scale }: { criterion: Criterion; scale: DualCriteria['scale'] }) {
  const { t } = useTranslation();
  return (
    <ul
      className="cl-rubric"
      data-testid={`rubric-${criterion}`}
      style={{ margin: '0 0 8px', paddingLeft: 18, color: 'rgba(0,0,0,0.62)' }}
    >
      {bands(scale).map((b) => (
        <li key={b.band}>{`${b.from}–${b.to}: ${t(RUBRIC[criterion][b.band])}`}</li>
      ))}
    </ul>
  );
}

/**
 * The one scorecard of the dual evaluation (学术评估 + 经济评估), used wherever experts or committee
 * members score: the checks of projects and the committee's evaluation of units. Each criterion shows
 * what its score bands mean; each score and comment is a labelled field. Goes inside the caller's Form (which may disable it).
 */
export function DualScorecardForm({ criteria }: { criteria: DualCriteria }) {
  const { t } = useTranslation();
  const { scale } = criteria;
  return (
    <>
      {byDimension(criteria.items).map((group) => (
        <section key={group.dimension} data-testid={`dimension-${group.dimension}`}>
          <Typography.Title level={5}>{t(DIMENSION_LABELS[group.dimension])}</Typography.Title>
          {group.items.map((i) => {
            const name = t(CRITERION_LABELS[i.key]);
            return (
              <div key={i.key} data-testid={`criterion-${i.key}`}>
                <RubricBands criterion={i.key} scale={scale} />
                <Form.Item
                  name={['score', i.key]}
                  label={`${name} (${scale.min}–${scale.max})`}
                  rules={[{ required: true, message: t('Give a score') }]}
                >
                  <InputNumber min={scale.min} max={scale.max} />
                </Form.Item>
                <Form.Item
                  name={['comment', i.key]}
                  label={t('Comment on {{criterion}}', { criterion: name })}
                  rules={[{ required: true, min: 5, message: t('A comment of at least five characters') }]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
              </div>
            );
          })}
        </section>
      ))}
      <Form.Item name="overallComment" label={t('Overall comment')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

export interface DualScorecardValues {
  score?: Partial<Record<Criterion, number>>;
  comment?: Partial<Record<Criterion, string>>;
  overallComment?: string;
}

/** The form's values as the scorecard body both servers take. */
export function dualScores(criteria: DualCriteria, v: DualScorecardValues): DualScores {
  return {
    scores: criteria.items.map((i) => ({
      criterion: i.key,
      score: Number(v.score?.[i.key]),
      comment: String(v.comment?.[i.key] ?? ''),
    })),
    overallComment: v.overallComment || null,
  };
}
