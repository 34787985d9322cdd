import type { TFunction } from 'i18next';
import type { LastReminderRun, ProjectReports } from '../api/project-execution.js';
import { tk } from '../i18n/index.js';

type Sent = ProjectReports['items'][number]['reminders'][number];
type Outcome = LastReminderRun['lines'][number]['outcome'];

/** The day of a reminder against the due day: 14 days before, on the day, 7 days overdue. */
export function offsetText(t: TFunction, offset: number): string {
  if (offset < 0) return t('{{n}} days before the due day', { n: -offset, count: -offset });
  if (offset === 0) return t('On the due day');
  return t('{{n}} days overdue', { n: offset, count: offset });
}

/** To whom a reminder went and by which channel; before migration 0061 only the count was kept. */
export function recipientsText(
  t: TFunction,
  m: Pick<Sent, 'deliveries' | 'recipients'>,
  locale: string,
): string {
  if (!m.deliveries)
    return t('{{n}} recipients (names not recorded)', { n: m.recipients, count: m.recipients });
  return m.deliveries
    .map((d) =>
      t('{{name}} ({{channel}})', { name: d.name, channel: d.email ? t('In-app and e-mail') : t('In-app') }),
    )
    .join(locale === 'en-US' ? ', ' : '、');
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  sent: tk('Sent'),
  already_sent: tk('Already sent by another run'),
  submitted: tk('Report submitted meanwhile'),
  no_recipient: tk('No one to remind'),
};
export const OUTCOME_COLORS: Record<Outcome, string> = {
  sent: 'green',
  already_sent: 'default',
  submitted: 'default',
  no_recipient: 'red',
};
