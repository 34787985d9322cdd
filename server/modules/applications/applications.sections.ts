import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import type { DB } from '../../db/schema.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { CallRecord } from '../calls/calls.lookup.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import type { ApplicationContent, BudgetLineInput, ConsortiumMemberInput } from './applications.schema.js';

/**
 * Structural checks and writes of the sections of a draft: every problem is collected with its JSON
 * pointer and reported together (400), before anything is written.
 */
export class Problems {
  readonly list: FieldError[] = [];
  add(pointer: string, code: ErrorCode) {
    this.list.push({ in: 'body', pointer, code, message: ERROR_MESSAGES[code] });
  }
  throwIfAny(status = 400, code: ErrorCode = 'request.validation_failed') {
    if (this.list.length) throw new AppError(status, code, { errors: this.list });
  }
}

export function checkContent(p: Problems, content: ApplicationContent, call: CallRecord, base = '/content') {
  if (content.fieldId && !call.fieldIds.includes(content.fieldId))
    p.add(`${base}/fieldId`, 'applications.field_not_in_call');
  content.workPlan?.forEach((w, i) => {
    if (w.endMonth < w.startMonth) p.add(`${base}/workPlan/${i}/endMonth`, 'applications.work_plan_order');
  });
}

export async function checkConsortium(
  db: Kysely<DB>,
  p: Problems,
  members: readonly ConsortiumMemberInput[],
  leadOrgId: string,
) {
  if (members[0] && members[0].organisationId !== leadOrgId)
    p.add('/consortium/0/organisationId', 'applications.lead_must_be_own');
  const orgIds = members.map((m) => m.organisationId);
  const orgs = await organisationsByIds(db, orgIds);
  const live = new Set([...orgs.values()].filter((o) => !o.mergedIntoId).map((o) => o.id));
  const personIds = members.map((m) => m.contactPersonId).filter((x): x is string => !!x);
  const people = await peopleByIds(db, personIds);
  const personOrg = new Map([...people.values()].map((x) => [x.id, x.organisationId]));
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const at = `/consortium/${i}`;
    if (seen.has(m.organisationId)) p.add(`${at}/organisationId`, 'applications.duplicate_member');
    seen.add(m.organisationId);
    if (!live.has(m.organisationId)) p.add(`${at}/organisationId`, 'applications.unknown_organisation');
    if (m.contactPersonId) {
      if (!personOrg.has(m.contactPersonId)) p.add(`${at}/contactPersonId`, 'applications.unknown_person');
      else if (personOrg.get(m.contactPersonId) !== m.organisationId)
        p.add(`${at}/contactPersonId`, 'applications.contact_not_of_member');
    }
  });
}

export function checkBudget(
  p: Problems,
  lines: readonly BudgetLineInput[],
  memberOrgIds: ReadonlySet<string>,
) {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (!memberOrgIds.has(l.organisationId))
      p.add(`/budget/${i}/organisationId`, 'applications.budget_unknown_member');
    const key = `${l.organisationId}/${l.category}`;
    if (seen.has(key)) p.add(`/budget/${i}/category`, 'applications.duplicate_budget_line');
    seen.add(key);
  });
}
