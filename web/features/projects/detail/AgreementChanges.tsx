import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AmendmentSection, AmendmentState } from '../../../../common/projects.amendments.js';
import type { AgreementChange } from '../../../api/project-amendments.js';
import { REPORT_KIND_LABELS } from '../../../components/project-detail-labels.js';
import { tk } from '../../../i18n/index.js';

export const SECTION_LABELS: Record<AmendmentSection, string> = {
  endsOn: tk('End date'),
  objectives: tk('Objectives'),
  indicators: tk('Performance indicators'),
  milestones: tk('Milestones'),
  schedule: tk('Reporting schedule'),
};

export const AMENDMENT_STATE_LABELS: Record<AmendmentState, string> = {
  proposed: tk('Awaiting decision'),
  approved: tk('Approved'),
  refused: tk('Refused'),
  withdrawn: tk('Withdrawn'),
};

const FIELD_LABELS: Record<string, string> = {
  name: tk('Name'),
  type: tk('Type'),
  target: tk('Target'),
  verification: tk('How it is verified'),
  measuredBy: tk('Measured by'),
  title: tk('Milestone title'),
  dueOn: tk('Due'),
  deliverables: tk('Deliverables'),
  text: tk('Text'),
};

/** What an amendment changes, or what a version changed, one line per change: "section · item · field: a → b". */
export function AgreementChanges({ diff, testId }: { diff: AgreementChange[]; testId?: string }) {
  const { t } = useTranslation();
  if (diff.length === 0) return <Typography.Text type="secondary">{t('No changes')}</Typography.Text>;
  const line = (c: AgreementChange) => {
    const where = [t(SECTION_LABELS[c.section])];
    if (c.section === 'schedule' && c.label)
      where.push(t(REPORT_KIND_LABELS[c.label as keyof typeof REPORT_KIND_LABELS] ?? c.label));
    else if (c.label) where.push(c.label);
    if (c.field === 'added') return `${where.join(' · ')}: ${t('added')} ${c.to ?? ''}`;
    if (c.field === 'removed') return `${where.join(' · ')}: ${t('removed')} ${c.from ?? ''}`;
    if (c.section !== 'endsOn') where.push(t(FIELD_LABELS[c.field] ?? c.field));
    return `${where.join(' · ')}: ${c.from ?? '—'} → ${c.to ?? '—'}`;
  };
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={diff}
      renderItem={(c) => <List.Item>{line(c)}</List.Item>}
    />
  );
}
