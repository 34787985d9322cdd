import type { Timestamp } from './columns.js';

// Technology needs and matchmaking (issue 14), migration 0033; owned by server/modules/needs.
export interface NeedsTable {
  id: string;
  platform_id: string;
  organisation_id: string;
  created_by: string | null;
  title: string;
  problem: string;
  /** zh | en (common/needs.ts) */
  language: string;
  /** JSON array of tech_fields ids */
  field_ids_json: string;
  /** integer minor units; bigint, read back as a number */
  budget_minor: number | null;
  currency: string;
  /** YYYY-MM-DD */
  deadline: string | null;
  /** public | staff */
  visibility: string;
  /** open | closed | withdrawn */
  state: string;
  close_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NeedContactsTable {
  id: string;
  need_id: string;
  platform_id: string;
  /** technology | service | instrument | unit | expert */
  target_kind: string;
  target_id: string;
  unit_id: string | null;
  provider_user_id: string | null;
  /** the match's name when the contact was sent, in both languages joined by " / " */
  target_label: string;
  message: string;
  /** sent | accepted | declined | withdrawn */
  state: string;
  decline_reason: string | null;
  decline_note: string | null;
  sent_by: string | null;
  sent_at: Timestamp;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface NeedsTables {
  needs: NeedsTable;
  need_contacts: NeedContactsTable;
}

export const NEEDS_TABLES = ['needs', 'need_contacts'] as const satisfies readonly (keyof NeedsTables)[];
