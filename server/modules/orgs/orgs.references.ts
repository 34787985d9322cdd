import type { DB } from '../../db/schema.js';

/** A column somewhere that holds an organisation id. */
export type OrgReference = { [T in keyof DB]: { table: T; column: keyof DB[T] & string } }[keyof DB];

/**
 * Every column that points at an organisation. A merge moves all of them to the survivor, and the
 * detail view counts them, so a module that adds such a column adds it here (and nowhere else).
 * If the column is part of a unique key, a merge that would collide fails with orgs.merge_conflict.
 * orgs.references.test.ts fails when a foreign key to organisations is missing here.
 */
export const ORG_REFERENCES: readonly OrgReference[] = [
  { table: 'people', column: 'organisation_id' },
  { table: 'committee_members', column: 'organisation_id' },
  { table: 'projects', column: 'lead_org_id' },
  { table: 'agreements', column: 'partner_org_id' },
  { table: 'applications', column: 'lead_org_id' },
  { table: 'application_members', column: 'organisation_id' },
  { table: 'application_budget_lines', column: 'organisation_id' },
  { table: 'application_invitations', column: 'organisation_id' },
  // Expert review (issue 5): collaborators of an expert's outputs, conflicts the expert declares,
  // organisations an applicant asks to avoid.
  { table: 'expert_output_collaborators', column: 'organisation_id' },
  { table: 'expert_declared_conflicts', column: 'organisation_id' },
  { table: 'application_avoid_requests', column: 'organisation_id' },
  // Projects in execution (issue 13): the consortium, its planned budget lines and its spending.
  { table: 'project_members', column: 'organisation_id' },
  { table: 'project_budget_lines', column: 'organisation_id' },
  { table: 'project_spending', column: 'organisation_id' },
  // Services to enterprises (issue 14): requests, instrument bookings, vouchers and needs.
  { table: 'service_requests', column: 'organisation_id' },
  { table: 'instrument_bookings', column: 'organisation_id' },
  { table: 'vouchers', column: 'organisation_id' },
  { table: 'needs', column: 'organisation_id' },
  // Self-registration (issue 12): the organisation a registration picked; a merge moves it to the survivor.
  { table: 'registrations', column: 'organisation_id' },
  // Organisations merged earlier into the one being merged now follow it, so redirects stay one hop.
  { table: 'organisations', column: 'merged_into_id' },
];

export const referenceName = (r: OrgReference) => `${r.table}.${r.column}`;
