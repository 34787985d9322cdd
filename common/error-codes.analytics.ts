/** Problem codes of the analytics (issue 15); spread into common/error-codes.ts. */
export const ANALYTICS_ERRORS = {
  'analytics.unit_not_analysed': 'This unit is not one of the units you may analyse',
  'analytics.unknown_field': 'There is no such technology field',
} as const;
