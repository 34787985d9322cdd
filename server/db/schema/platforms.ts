import type { Flag, Timestamp, WithDefault } from './columns.js';

// Platforms, fields, organisations, people, units and the committee (DOMAIN.md §1, §2; migrations 0001–0002).
export interface PlatformsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  model: string;
  supervising_department_zh: WithDefault<string | null>;
  supervising_department_en: WithDefault<string | null>;
  committee_appointer_zh: WithDefault<string | null>;
  committee_appointer_en: WithDefault<string | null>;
  country: WithDefault<string | null>;
  founded_year: WithDefault<number | null>;
  description_zh: WithDefault<string | null>;
  description_en: WithDefault<string | null>;
  notes: WithDefault<string | null>;
  rating_funding: WithDefault<number>;
  rating_rd: WithDefault<number>;
  rating_management: WithDefault<number>;
  fiscal_year_start_month: WithDefault<number>;
  default_currency: WithDefault<string>;
  is_illustrative: WithDefault<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformFundingTable {
  id: string;
  platform_id: string;
  year: number;
  /** appropriation | social_capital | member_dues | service_income | licence_income */
  source: string;
  amount_minor: number;
  currency: string;
  is_illustrative: WithDefault<Flag>;
  note: string | null;
}

export interface TechFieldsTable {
  id: string;
  parent_id: string | null;
  code: string;
  name_zh: string;
  name_en: string;
  sort_order: WithDefault<number>;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformFieldsTable {
  platform_id: string;
  field_id: string;
}

export interface OrganisationsTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  /** Normalised name for duplicate detection (server/modules/orgs). */
  name_key: string;
  /** enterprise | university | institute | government | other */
  type: string;
  /** large | sme (enterprises only) */
  enterprise_size: string | null;
  /** 统一社会信用代码, GB 32100-2015, check character verified */
  credit_code: string | null;
  registry_id: string | null;
  country: WithDefault<string>;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  website: string | null;
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: string;
  name_zh: string;
  name_en: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitsTable {
  id: string;
  platform_id: string;
  /** laboratory | center | office */
  kind: string;
  code: string | null;
  name_zh: string;
  name_en: string;
  director_person_id: string | null;
  description_zh: string | null;
  description_en: string | null;
  sort_order: WithDefault<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitFieldsTable {
  unit_id: string;
  field_id: string;
}

export interface UnitStaffTable {
  id: string;
  unit_id: string;
  person_id: string;
  /** director | researcher | engineer | technician | administrator */
  position: string;
  created_at: Timestamp;
}

export interface CommitteeMembersTable {
  id: string;
  platform_id: string;
  person_id: string;
  /** academic | lab | industry */
  category: string;
  organisation_id: string | null;
  term_start: string;
  term_end: string | null;
  appointed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitteeMemberFieldsTable {
  member_id: string;
  field_id: string;
}
