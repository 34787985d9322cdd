import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DecisionItem, DecisionView } from '../../../api/review-decisions.js';
import { useLocale } from '../../../app/locale.js';
import { pick } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { tk } from '../../../i18n/index.js';

const THRESHOLD_SHOWN: Record<string, string> = {
  total: tk('score.total'),
  academic: tk('Academic evaluation'),
  economic: tk('Economic evaluation'),
  no_score: tk('no score yet'),
};

/**
 * The server ranks an application without any score after all scored ones, at 1,000,000 and beyond
 * (decisions.candidates.ts UNRANKED); that number is a sort key, never shown (issue 12 item 11).
 */
const UNRANKED_FROM = 1_000_000;

export function rankText(t: TFunction, rank: number): string {
  return rank >= UNRANKED_FROM ? t('not ranked (no score yet)') : String(rank);
}

/** A constraint name of the solver ("budget", "fields/0/maxCount", "smeMinSharePct") in words. */
export function constraintText(t: TFunction, name: string, fieldName: (i: number) => string): string {
  if (name === 'budget') return t('the remaining budget');
  if (name === 'smeMinSharePct') return t('the minimum SME share');
  const m = /^fields\/(\d+)\/(\w+)$/.exec(name);
  if (!m) return name;
  const field = fieldName(Number(m[1]));
  const kind: Record<string, string> = {
    minCount: t('the minimum number of projects in {{field}}', { field }),
    maxCount: t('the maximum number of projects in {{field}}', { field }),
    minSharePct: t('the minimum budget share of {{field}}', { field }),
    maxSharePct: t('the maximum budget share of {{field}}', { field }),
  };
  return kind[m[2]!] ?? name;
}

/** The short reason of one unfunded application. */
export function reasonText(t: TFunction, item: DecisionItem, fieldName: (i: number) => string): string {
  const r = item.reason;
  if (r.code === 'selected') return t('Selected');
  if (r.code === 'below_threshold')
    return t('Did not pass: {{thresholds}}', {
      thresholds: r.thresholds.map((x) => t(THRESHOLD_SHOWN[x] ?? x)).join(', '),
    });
  return t('Funding it would exceed {{constraint}}', {
    constraint: constraintText(t, r.constraint, fieldName),
  });
}

/** Why the best-ranked unfunded application is not funded, from the re-solve with it forced in. */
export function CutoffExplanation({ d, fieldName }: { d: DecisionView; fieldName: (i: number) => string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const c = d.explanation.cutoff;
  if (!c) return <Alert type="success" showIcon title={t('Every application in review is funded.')} />;
  const item = d.items.find((i) => i.applicationId === c.applicationId);
  const name = (id: string) => {
    const it = d.items.find((i) => i.applicationId === id);
    return it ? (it.number ?? pick(it.titleZh, it.titleEn, locale) ?? id) : id;
  };
  const lines: string[] = [
    t('Cut-off: {{name}} (rank {{rank}}, requests {{requested}}; {{remaining}} of the budget remain).', {
      name: name(c.applicationId),
      rank: rankText(t, c.rank),
      requested: money(c.requestedMinor, d.currency, locale),
      remaining: money(c.remainingMinor, d.currency, locale),
    }),
  ];
  if (item) lines.push(reasonText(t, item, fieldName));
  const f = c.forced;
  if (f && !f.feasible)
    lines.push(
      t('It cannot be funded under {{constraints}}.', {
        constraints: f.constraints.map((x) => constraintText(t, x, fieldName)).join(', '),
      }),
    );
  if (f?.feasible && f.tie)
    lines.push(t('Funding it instead gives the same total score; the tie goes to the better rank.'));
  if (f?.feasible && !f.tie)
    lines.push(
      t(
        'Funding it would need dropping {{dropped}} (total score {{droppedScore}}) for {{added}} (total score {{addedScore}}).',
        {
          dropped: f.dropped.map((x) => name(x.applicationId)).join(', ') || '—',
          droppedScore: f.droppedScore.toFixed(2),
          added: f.added.map((x) => name(x.applicationId)).join(', '),
          addedScore: f.addedScore.toFixed(2),
        },
      ),
    );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="decision-cutoff"
      title={lines[0]}
      description={lines.slice(1).map((l) => <div key={l}>{l}</div>)}
    />
  );
}
