/**
 * The three dashboards of services to enterprises (issue 14): the enterprise's, the service unit's and the
 * supervisor's, one platform at a time (platforms keep their own currency, so their money is not summed).
 * Shared by server and web: the server sends these codes, the web names them.
 */
export const DASHBOARD_KINDS = ['enterprise', 'unit', 'supervisor'] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

/** How a figure or a chart's values read: a count, integer minor units of the platform's currency, … */
export const MEASURES = ['count', 'money', 'days', 'rating', 'percent'] as const;
export type Measure = (typeof MEASURES)[number];

export const FIGURE_CODES = [
  // enterprise
  'requests',
  'quotes_to_answer',
  'spent',
  'voucher_paid',
  'voucher_balance',
  'ratings_given',
  'average_rating_given',
  'needs',
  'contacts',
  // unit
  'queue_open',
  'overdue',
  'average_turnaround',
  'on_time',
  'instrument_use',
  'revenue',
  'voucher_redeemed',
  'ratings_received',
  'average_rating_received',
  // supervisor
  'schemes',
  'vouchers_issued',
  'vouchers_redeemed',
  'vouchers_settled',
  'enterprises_served',
  'surveys_answered',
  'survey_jobs',
] as const;
export type FigureCode = (typeof FIGURE_CODES)[number];

export const DASHBOARD_CHARTS = [
  'requests.by_state',
  'spend.by_month',
  'needs.contacts',
  'revenue.by_month',
  'ratings.by_score',
  'instruments.use',
  'vouchers.by_scheme',
  'enterprises.by_region',
  'requests.by_kind',
  'surveys.by_unit',
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** The series a chart may draw; a chart of one series uses `value`. */
export const SERIES_CODES = [
  'value',
  'own_share',
  'voucher',
  'revenue',
  'sent',
  'accepted',
  'declined',
  'withdrawn',
  'applied',
  'issued',
  'redeemed',
  'settled',
  'sales',
  'savings',
  'investment',
] as const;
export type SeriesCode = (typeof SERIES_CODES)[number];

/** The capacity of an instrument is counted over this many days back from today. */
export const INSTRUMENT_USE_DAYS = 30;
/** A chart by month shows at most this many months, the latest. */
export const DASHBOARD_MONTHS = 12;
