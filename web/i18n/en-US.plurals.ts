/**
 * English singulars (i18next plural keys, CLDR categories: `_one` here, the key itself is `other`), for
 * messages given a `count` (issue 12 item 7: "1 results", "1 reviews"). Chinese has one form, so
 * zh-CN keeps the key alone. plurals.unit.test.ts renders each with 1 and finds no plural noun after it.
 */
export const enUSPlurals: Record<string, string> = {
  'Chain intact: {{count}} entries verified_one': 'Chain intact: {{count}} entry verified',
  'Evaluates the platform · {{count}} members_one': 'Evaluates the platform · {{count}} member',
  'Import {{count}} rows_one': 'Import {{count}} row',
  'Select all {{count}} awaiting screening_one': 'Select the {{count}} application awaiting screening',
  'Invite the experts of the {{count}} selected seats again, with a new time to answer?_one':
    'Invite the expert of the selected seat again, with a new time to answer?',
  '{{count}} agreements_one': '{{count}} agreement',
  '{{count}} deadlines are overdue_one': '{{count}} deadline is overdue',
  '{{count}} deadlines fall due within {{days}} days_one':
    '{{count}} deadline falls due within {{days}} days',
  '{{count}} errors_one': '{{count}} error',
  '{{count}} experts_one': '{{count}} expert',
  '{{count}} fields and sub-fields covered_one': '{{count}} field or sub-field covered',
  '{{count}} members_one': '{{count}} member',
  '{{count}} organisations_one': '{{count}} organisation',
  '{{count}} platforms_one': '{{count}} platform',
  '{{count}} applications in review_one': '{{count}} application in review',
  '{{count}} active experts_one': '{{count}} active expert',
  '{{file}}: {{count}} rows, {{valid}} valid, {{invalid}} with errors_one':
    '{{file}}: {{count}} row, {{valid}} valid, {{invalid}} with errors',
  '{{count}} records_one': '{{count}} record',
  '{{count}} rows imported_one': '{{count}} row imported',
  '{{count}} seats refilled_one': '{{count}} seat refilled',
  '{{count}} units_one': '{{count}} unit',
  '{{n}} days before the due day_one': '{{n}} day before the due day',
  '{{n}} days overdue_one': '{{n}} day overdue',
  '{{n}} recipients (names not recorded)_one': '{{n}} recipient (name not recorded)',
  '{{count}} users_one': '{{count}} user',
  '{{n}} instruments_one': '{{n}} instrument',
  '{{n}} results_one': '{{n}} result',
  '{{n}} services_one': '{{n}} service',
  'Turnaround {{n}} days_one': 'Turnaround {{n}} day',
  'At most {{n}} hours per booking_one': 'At most {{n}} hour per booking',
  '{{days}} days overdue_one': '{{days}} day overdue',
  'within {{years}} years_one': 'within {{years}} year',
  'The applicant may correct and resubmit within {{days}} days._one':
    'The applicant may correct and resubmit within {{days}} day.',
  'The budget lines of {{count}} member(s) do not add up to the requested amount_one':
    'The budget lines of {{count}} member do not add up to the requested amount',
  'The budget lines of {{count}} member(s) do not add up to the requested amount_other':
    'The budget lines of {{count}} members do not add up to the requested amount',
  '{{changed}} of {{count}} pairs differ; objective {{before}} → {{after}}_one':
    '{{changed}} of {{count}} pair differs; objective {{before}} → {{after}}',
  'Open {{open}}–{{close}} UTC; {{kept}} of the {{count}} hours of each day are kept for enterprises_one':
    'Open {{open}}–{{close}} UTC; {{kept}} of the {{count}} hour of each day is kept for enterprises',
  'The review is not complete: {{submitted}} of {{count}} scorecards are in. Missing: {{list}}_one':
    'The review is not complete: {{submitted}} of {{count}} scorecard is in. Missing: {{list}}',
  'You may name up to {{count}} experts who should not review this application, with a reason._one':
    'You may name up to {{count}} expert who should not review this application, with a reason.',
  '{{count}} other sessions_one': '{{count}} other session',
  '{{count}} API tokens_one': '{{count}} API token',
  '{{count}} people_one': '{{count}} person',
  'Pass the {{count}} selected applications at screening?_one': 'Pass the selected application at screening?',
  'Disable the {{count}} selected accounts? Their sessions and tokens end._one':
    'Disable the selected account? Its sessions and tokens end.',
  // The server's eligibility message names its minimum without a count to agree with (it may be 1).
  'The consortium needs at least {{min}} organisations (now {{count}})':
    'Organisations in the consortium: at least {{min}} needed, {{count}} now',
};
