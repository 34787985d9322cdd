/** Problem codes of the open-data service (issue 15); spread into common/error-codes.ts. */
export const OPEN_DATA_ERRORS = {
  'open_data.invalid_cursor': 'This cursor is not one the service handed out; start again without it',
  'open_data.unknown_dump': 'No file of that name in the current bulk dump; list them at /api/open/v1/dumps',
} as const;
