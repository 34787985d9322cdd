import { Alert, Progress, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/locale.js';
import { pick } from '../../../components/labels.js';
import type { Completeness } from './completeness.js';

/** Up to this many unfinished applications are named; the rest are counted. */
const NAMED = 5;

/** "《title》 1/3, 《title》 0/3 and 4 more": what is missing, in words, for the banner and the 定稿 question. */
export function missingText(t: TFunction, c: Completeness, locale: string): string {
  const named = c.unfinished.slice(0, NAMED).map((u) =>
    u.expected === 0
      ? t('{{title}} (no reviewer)', {
          title: pick(u.titleZh, u.titleEn, locale) || t('Untitled application'),
        })
      : t('{{title}} ({{submitted}}/{{expected}})', {
          title: pick(u.titleZh, u.titleEn, locale) || t('Untitled application'),
          submitted: u.submitted,
          expected: u.expected,
        }),
  );
  const more = c.unfinished.length - named.length;
  // Chinese lists take the enumeration comma 、.
  const list = named.join(locale === 'zh-CN' ? '、' : ', ');
  return more > 0 ? t('{{list}} and {{n}} more', { list, n: more }) : list;
}

/** Scorecards in over expected for the call's panel, and which applications are still short of them. */
export function ReviewCompleteness({ c }: { c: Completeness }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const complete = c.unfinished.length === 0;
  return (
    <Alert
      type={complete ? 'success' : 'warning'}
      showIcon
      data-testid="review-completeness"
      data-complete={String(complete)}
      title={
        <Space wrap>
          <Typography.Text>
            {t('Scorecards in: {{submitted}} of {{expected}}', {
              submitted: c.submitted,
              expected: c.expected,
            })}
          </Typography.Text>
          <Progress
            percent={c.expected ? Math.floor((100 * c.submitted) / c.expected) : 0}
            size="small"
            style={{ width: 160, margin: 0 }}
            aria-label={t('Review completeness')}
          />
        </Space>
      }
      description={
        complete
          ? t('Every application has all its scorecards.')
          : t('Still missing scorecards: {{list}}', { list: missingText(t, c, locale) })
      }
    />
  );
}
