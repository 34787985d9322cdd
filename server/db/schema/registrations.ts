import type { Timestamp } from './columns.js';

// Self-registration (issue 12, docs/adr/0045); migration 0062.

/** One person's request for an applicant account on one platform, from sign-up to the keepers' decision. */
export interface RegistrationsTable {
  id: string;
  platform_id: string;
  /** unverified → pending (e-mail verified) → approved | refused */
  state: string;
  display_name: string;
  /** lower-cased; the account's user name on approval */
  email: string;
  phone: string | null;
  locale: string;
  /** scrypt hash of the chosen password; the account takes it on approval */
  password_hash: string;
  /** the existing organisation picked, or null when one is proposed */
  organisation_id: string | null;
  proposed_name: string | null;
  proposed_credit_code: string | null;
  proposed_type: string | null;
  proposed_size: string | null;
  consent_version: string;
  consented_at: Timestamp;
  /** SHA-256 of the verification token; null once verified */
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  verified_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  refusal_reason: string | null;
  /** the account and person the approval created */
  user_id: string | null;
  person_id: string | null;
  ip: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegistrationTables {
  registrations: RegistrationsTable;
}

export const REGISTRATION_TABLES = ['registrations'] as const satisfies readonly (keyof RegistrationTables)[];
