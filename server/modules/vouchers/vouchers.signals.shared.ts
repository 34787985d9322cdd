import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import { platformUnits, unitStaffEntries } from '../units/units.service.js';
import type { Redemption } from './vouchers.redemptions.repository.js';
import { findVoucher } from './vouchers.repository.js';

/** An address compared without case, spaces or punctuation (全角 and ASCII alike). */
const addressKey = (a: string | null | undefined) => (a ?? '').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
const contactKey = (a: string | null | undefined) => (a ?? '').toLowerCase().replace(/[^\p{L}\p{N}@.]/gu, '');

type Why = 'member_of_enterprise' | 'voucher_applicant' | 'enterprise_contact';

/**
 * Provider and enterprise sharing people or an address (a lead for collusion): for each provider unit and
 * voucher-paying enterprise, the unit's director and staff who belong to the enterprise, hold the account
 * that applied for the voucher or are the enterprise's contact (same e-mail or phone); and the enterprise's
 * registered address when it is the address of the organisation a unit member works for.
 */
export async function sharedPeopleOrAddress(db: Kysely<DB>, platformId: string, redemptions: Redemption[]) {
  const pairs = new Map<string, { unitId: string; organisationId: string; applicantIds: Set<string> }>();
  for (const x of redemptions) {
    const v = await findVoucher(db, null, x.voucherId);
    if (!v) continue;
    const key = `${x.unitId}|${v.organisationId}`;
    const p = pairs.get(key) ?? {
      unitId: x.unitId,
      organisationId: v.organisationId,
      applicantIds: new Set(),
    };
    if (v.applicantId) p.applicantIds.add(v.applicantId);
    pairs.set(key, p);
  }
  if (pairs.size === 0) return [];
  const units = new Map((await platformUnits(db, platformId)).map((u) => [u.id, u]));
  const members = new Map<string, string[]>();
  for (const unitId of new Set([...pairs.values()].map((p) => p.unitId))) {
    const staff = (await unitStaffEntries(db, unitId)).map((s) => s.personId);
    const director = units.get(unitId)?.directorPersonId;
    members.set(unitId, [...new Set(director ? [director, ...staff] : staff)]);
  }
  const people = await peopleByIds(db, [...members.values()].flat());
  const orgs = await organisationsByIds(db, [
    ...[...pairs.values()].map((p) => p.organisationId),
    ...[...people.values()].map((p) => p.organisationId),
  ]);
  const out: Array<{ kind: 'shared_people_or_address'; evidence: Record<string, unknown> }> = [];
  for (const p of pairs.values()) {
    const ent = orgs.get(p.organisationId);
    const shared: Array<{ personId: string; name: string; why: Why }> = [];
    let address: string | null = null;
    for (const personId of members.get(p.unitId) ?? []) {
      const m = people.get(personId);
      if (!m) continue;
      const why: Why | null =
        m.organisationId === p.organisationId
          ? 'member_of_enterprise'
          : m.userId && p.applicantIds.has(m.userId)
            ? 'voucher_applicant'
            : ent &&
                ((contactKey(m.email) !== '' && contactKey(m.email) === contactKey(ent.contactEmail)) ||
                  (contactKey(m.phone) !== '' && contactKey(m.phone) === contactKey(ent.contactPhone)))
              ? 'enterprise_contact'
              : null;
      if (why) shared.push({ personId, name: m.nameZh, why });
      const host = m.organisationId ? orgs.get(m.organisationId) : undefined;
      if (
        ent &&
        host &&
        host.id !== ent.id &&
        addressKey(ent.address) !== '' &&
        addressKey(ent.address) === addressKey(host.address)
      )
        address = ent.address;
    }
    if (shared.length > 0 || address)
      out.push({
        kind: 'shared_people_or_address',
        evidence: {
          unitId: p.unitId,
          unitName: units.get(p.unitId)?.nameZh ?? null,
          organisationId: p.organisationId,
          organisationName: ent?.nameZh ?? null,
          people: shared,
          address,
        },
      });
  }
  return out;
}
