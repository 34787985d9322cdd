import type { ChartKind, TodoKind } from '../../../common/workbench.js';
import { APPLICATION_STATES_SHOWN } from '../../components/labels.js';
import { STATE_LABELS as PROJECT_STATE_LABELS } from '../../components/project-labels.js';
import { INQUIRY_STATE_LABELS } from '../../components/result-labels.js';
import { SEAT_LABELS } from '../../components/review-labels.js';
import { tk } from '../../i18n/index.js';

/** What each to-do asks of the user, in words (the server sends codes). */
export const TODO_LABELS: Record<TodoKind, string> = {
  'screening.submitted': tk('Applications awaiting screening'),
  'screening.screening': tk('Applications in screening'),
  'applications.draft': tk('My drafts'),
  'applications.returned': tk('My applications returned for correction'),
  'applications.invitations': tk('Invitations to confirm a part'),
  'reviews.invited': tk('Review invitations to answer'),
  'reviews.to_score': tk('Scorecards to submit'),
  'inquiries.received': tk('Inquiries to answer'),
  'docket.due': tk('IP deadlines in the next 90 days'),
  'admin.accounts': tk('User accounts to manage'),
  'registrations.pending': tk('Registrations to review'),
  'projects.in_progress': tk('Projects in execution'),
  'projects.reports_overdue': tk('Project reports overdue'),
  'projects.reports_due': tk('Project reports due in the next 60 days'),
  'units.staff': tk('Staff of my unit'),
  'results.unit': tk('Outputs of my unit'),
  'services.quoted': tk('Quotes to accept'),
  'services.delivered': tk('Service reports to rate'),
};

export const CHART_TITLES: Record<ChartKind, string> = {
  'applications.by_state': tk('Applications by state'),
  'reviews.by_state': tk('My review seats by state'),
  'inquiries.by_state': tk('Inquiries by state'),
  'projects.by_state': tk('Projects by state'),
};

/** The words of a chart's state codes: the same labels as the lists they come from. */
export const CHART_CODE_LABELS: Record<ChartKind, Record<string, string>> = {
  'applications.by_state': APPLICATION_STATES_SHOWN,
  'reviews.by_state': SEAT_LABELS,
  'inquiries.by_state': INQUIRY_STATE_LABELS,
  'projects.by_state': PROJECT_STATE_LABELS,
};
