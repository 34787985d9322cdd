import type {
  DashboardChart,
  DashboardKind,
  FigureCode,
  SeriesCode,
} from '../../../common/service-dashboards.js';
import { KIND_LABELS, REQUEST_STATE_LABELS } from '../../components/service-labels.js';
import { tk } from '../../i18n/index.js';

export const DASHBOARD_TITLES: Record<DashboardKind, string> = {
  enterprise: tk('My enterprise services'),
  unit: tk('My service unit'),
  supervisor: tk('Services supervision'),
};

export const FIGURE_LABELS: Record<FigureCode, string> = {
  requests: tk('Service requests'),
  quotes_to_answer: tk('Quotes to accept'),
  spent: tk('Spent on services'),
  voucher_paid: tk('Paid by voucher'),
  voucher_balance: tk('Voucher balance'),
  ratings_given: tk('Ratings given'),
  average_rating_given: tk('Average rating given'),
  needs: tk('Technology needs'),
  contacts: tk('Contacts made'),
  queue_open: tk('Open requests'),
  overdue: tk('Overdue requests'),
  average_turnaround: tk('Average turnaround (days)'),
  on_time: tk('Delivered on time'),
  instrument_use: tk('Instrument machine hours used (30 days)'),
  revenue: tk('Service revenue'),
  voucher_redeemed: tk('Vouchers redeemed'),
  ratings_received: tk('Ratings received'),
  average_rating_received: tk('Average rating received'),
  schemes: tk('Voucher schemes'),
  vouchers_issued: tk('Vouchers issued'),
  vouchers_redeemed: tk('Voucher amounts redeemed'),
  vouchers_settled: tk('Voucher amounts settled'),
  enterprises_served: tk('Enterprises served'),
  surveys_answered: tk('Impact surveys answered'),
  survey_jobs: tk('Jobs reported by surveys'),
};

export const DASHBOARD_CHART_TITLES: Record<DashboardChart, string> = {
  'requests.by_state': tk('Service requests by state'),
  'spend.by_month': tk('Spend by month'),
  'needs.contacts': tk('My needs and their contacts'),
  'revenue.by_month': tk('Revenue and voucher redemptions by month'),
  'ratings.by_score': tk('Ratings received by score'),
  'instruments.use': tk('Instrument machine hours used (%)'),
  'vouchers.by_scheme': tk('Vouchers by scheme'),
  'enterprises.by_region': tk('Enterprises served by region'),
  'requests.by_kind': tk('Service requests by type'),
  'surveys.by_unit': tk('Impact survey outcomes by unit'),
};

export const SERIES_LABELS: Record<SeriesCode, string> = {
  value: tk('Value'),
  own_share: tk('Own share'),
  voucher: tk('Voucher part'),
  revenue: tk('Revenue'),
  sent: tk('Awaiting answer'),
  accepted: tk('Contact accepted'),
  declined: tk('Contact declined'),
  withdrawn: tk('Contact withdrawn'),
  applied: tk('Amount applied for'),
  issued: tk('Amount issued'),
  redeemed: tk('Amount redeemed'),
  settled: tk('Amount settled'),
  sales: tk('Added sales'),
  savings: tk('Cost savings'),
  investment: tk('New investment'),
};

/** The words of the codes a chart's categories carry (the others are named by their data or are months). */
export const CATEGORY_LABELS: Partial<Record<DashboardChart, Record<string, string>>> = {
  'requests.by_state': REQUEST_STATE_LABELS,
  'requests.by_kind': KIND_LABELS,
  'enterprises.by_region': { undeclared: tk('Region not declared') },
};
