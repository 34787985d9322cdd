import type { Flag, Timestamp, WithDefault } from './columns.js';

// Services to enterprises (DOMAIN.md §8, issue 14); migration 0020. Money in integer minor units.

/** A catalog entry a unit offers (common/services.ts SERVICE_KINDS, PRICE_RULES, SERVICE_STATES). */
export interface ServicesTable {
  id: string;
  platform_id: string;
  unit_id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  description_zh: string;
  description_en: string;
  /** JSON array of tech_fields ids */
  field_ids_json: string;
  method_standard: string | null;
  /** JSON array of { body: 'CNAS' | 'CMA' | …, number } */
  accreditation_json: string;
  price_rule: string;
  price_minor: number;
  currency: string;
  turnaround_days: number;
  capacity_per_month: number;
  state: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceRequestsTable {
  id: string;
  platform_id: string;
  service_id: string;
  unit_id: string;
  requester_id: string;
  organisation_id: string | null;
  /** SR-<year>-<five digits>, per platform and calendar year (UTC), without gaps. */
  number: string;
  state: string;
  description: string;
  quantity: number;
  wanted_by: string | null;
  quote_price_minor: number | null;
  currency: string;
  quote_due_on: string | null;
  quote_terms: string | null;
  report_file_name: string | null;
  report_media_type: string | null;
  report_size_bytes: number | null;
  report_sha256: string | null;
  delivered_at: Timestamp | null;
  rating: number | null;
  rating_comment: string | null;
  last_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceRequestCountersTable {
  platform_id: string;
  year: number;
  last_seq: number;
}

export interface ServiceRequestTransitionsTable {
  id: string;
  request_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  at: Timestamp;
  actor_id: string | null;
  reason: string | null;
}

/** The impact survey a year after delivery (NIST MEP: sales, savings, jobs, investment). */
export interface ServiceSurveysTable {
  request_id: string;
  sales_minor: number;
  savings_minor: number;
  investment_minor: number;
  jobs: number;
  currency: string;
  comment: string | null;
  answered_at: Timestamp;
}

export interface InstrumentsTable {
  id: string;
  platform_id: string;
  unit_id: string;
  name_zh: string;
  name_en: string;
  model: string;
  value_minor: number;
  currency: string;
  location: string;
  field_ids_json: string;
  open_hour: number;
  close_hour: number;
  enterprise_share_percent: number;
  hourly_rate_minor: number;
  published: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** draft | published | retired (0025; `published` follows it) */
  state: WithDefault<string>;
  max_booking_hours: WithDefault<number>;
}

export interface InstrumentBookingsTable {
  id: string;
  instrument_id: string;
  /** booking | maintenance */
  kind: string;
  booker_id: string | null;
  for_enterprise: Flag;
  starts_at: Timestamp;
  ends_at: Timestamp;
  purpose: string;
  created_at: Timestamp;
  /** requested | approved | rejected | cancelled (0025) */
  state: WithDefault<string>;
  organisation_id: string | null;
  price_minor: number | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

export interface InstrumentSlotsTable {
  instrument_id: string;
  slot_start: Timestamp;
  booking_id: string;
}

export interface ServicesTables {
  services: ServicesTable;
  service_requests: ServiceRequestsTable;
  service_request_counters: ServiceRequestCountersTable;
  service_request_transitions: ServiceRequestTransitionsTable;
  service_surveys: ServiceSurveysTable;
  instruments: InstrumentsTable;
  instrument_bookings: InstrumentBookingsTable;
  instrument_slots: InstrumentSlotsTable;
}

export const SERVICES_TABLES = [
  'services',
  'service_requests',
  'service_request_counters',
  'service_request_transitions',
  'service_surveys',
  'instruments',
  'instrument_bookings',
  'instrument_slots',
] as const satisfies readonly (keyof ServicesTables)[];
