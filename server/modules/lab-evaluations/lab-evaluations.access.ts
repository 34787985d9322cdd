import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, Ctx } from '../../http/context.js';
import { isoNow } from '../../http/context.js';
import { committeeMembersOf } from '../committee/committee.service.js';
import { accountsOfPeople } from '../people/people.service.js';
import { type unitRecord, unitStaffEntries } from '../units/units.service.js';

// Part of the service: who of the committee the actor is, who serves, and who may not rate a unit.

export type Unit = NonNullable<Awaited<ReturnType<typeof unitRecord>>>;
export type CommitteeMember = Awaited<ReturnType<typeof committeeMembersOf>>[number];

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);

/** Members whose term covers the day (a member whose term ended no longer scores). */
export const serving = (members: readonly CommitteeMember[], day: string) =>
  members.filter((m) => m.termStart <= day && (m.termEnd === null || m.termEnd >= day));

/** The platform's committee appointments held by the actor's person (linked account). */
export async function actorMemberships(
  db: Kysely<DB>,
  platformId: string,
  actor: Actor,
): Promise<CommitteeMember[]> {
  if (!actor?.userId) return [];
  const members = await committeeMembersOf(db, platformId);
  const accounts = await accountsOfPeople(
    db,
    members.map((m) => m.personId),
  );
  return members.filter((m) => accounts.get(m.personId) === actor.userId);
}

export interface Finding {
  rule: 'unit_director' | 'unit_staff';
  evidence: Record<string, unknown>;
}

export type UnitStaff = Awaited<ReturnType<typeof unitStaffEntries>>;

/**
 * Why the member may not rate the unit (none when they may): their person directs the unit or is on
 * its staff. The evidence names the record found, so the admin sees why.
 */
export async function conflictsOfMember(
  db: Kysely<DB>,
  unit: Unit,
  member: Pick<CommitteeMember, 'personId'>,
): Promise<Finding[]> {
  return conflictsWithin(unit, await unitStaffEntries(db, unit.id), member);
}

/** conflictsOfMember on the unit's staff read once (opening a round asks it for every member). */
export function conflictsWithin(
  unit: Unit,
  staff: UnitStaff,
  member: Pick<CommitteeMember, 'personId'>,
): Finding[] {
  const found: Finding[] = [];
  if (unit.directorPersonId === member.personId)
    found.push({ rule: 'unit_director', evidence: { personId: member.personId, unitId: unit.id } });
  for (const s of staff)
    if (s.personId === member.personId)
      found.push({
        rule: 'unit_staff',
        evidence: { personId: member.personId, unitId: unit.id, staffId: s.id, position: s.position },
      });
  return found;
}
