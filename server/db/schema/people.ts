import type { Timestamp } from './columns.js';

// Links between person records and user accounts (issue 10); migration 0012.
/** A proposal to link a person to an account, answered by the account's owner. */
export interface PersonLinkRequestsTable {
  id: string;
  person_id: string;
  user_id: string;
  /** pending | accepted | declined | superseded (the person got an account some other way) */
  state: string;
  requested_by: string | null;
  requested_at: Timestamp;
  answered_at: Timestamp | null;
}

export interface PeopleLinkTables {
  person_link_requests: PersonLinkRequestsTable;
}

export const PEOPLE_LINK_TABLES = [
  'person_link_requests',
] as const satisfies readonly (keyof PeopleLinkTables)[];
