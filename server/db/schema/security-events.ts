import type { Timestamp } from './columns.js';

// Failed authorisation as security events (issue 10; migration 0026; ASVS 16.3.2).
/** Refusals of one user on one route in one minute: the first one's details and how many there were. */
export interface SecurityEventsTable {
  id: string;
  user_id: string;
  method: string;
  /** the route template (`/api/applications/:id`), never the URL with its ids or query */
  route: string;
  /** the minute the refusals fell in (ISO, seconds zero): the bucket that bounds the table */
  window_start: Timestamp;
  /** 403, or 404 when a signed-in caller asked for an object they may not see or that does not exist */
  status: number;
  /** the problem code of the first refusal */
  code: string;
  /** the id path parameter of the first refusal, when the route has one */
  object_id: string | null;
  ip: string | null;
  first_request_id: string | null;
  last_request_id: string | null;
  first_at: Timestamp;
  last_at: Timestamp;
  count: number;
}

export interface SecurityEventsTables {
  security_events: SecurityEventsTable;
}

export const SECURITY_EVENTS_TABLES = [
  'security_events',
] as const satisfies readonly (keyof SecurityEventsTables)[];
