import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../api/applications.js';

/**
 * The written content of an application version — titles and summaries, objectives with indicators, the
 * work plan with milestones — as its officers, its applicant and its reviewers read it.
 */
export function ApplicationContentCards({ content: c }: { content: ApplicationView['content'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('Summary')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('Chinese title')}>{c.titleZh ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('English title')}>{c.titleEn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('Chinese summary')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.summaryZh ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('English summary')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.summaryEn ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('Objectives and indicators')}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {(c.objectives ?? []).map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list never reorders
            <li key={i}>
              {o.text}
              <ul>
                {o.indicators.map((x, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list never reorders
                  <li key={j}>
                    {x.name}: {x.target}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Card>
      <Card size="small" title={t('Work plan and milestones')}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {(c.workPlan ?? []).map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list never reorders
            <li key={i}>
              {w.title} ({t('months {{from}}–{{to}}', { from: w.startMonth, to: w.endMonth })})
              <ul>
                {w.milestones.map((m, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list never reorders
                  <li key={j}>
                    {t('Month {{n}}', { n: m.month })}: {m.title}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
