import type { Kysely } from 'kysely';
import type { Role } from '../../../common/roles.js';
import { camelRow, insertRow } from '../../db/rows.js';
import type { DB, RoleAssignmentsTable } from '../../db/schema.js';
import { newId } from '../../http/context.js';

// The users module's role_assignments (docs/adr/0015: one module, its tables split by meaning): who holds
// which role on which platform.

/** A role on a platform. */
export type RoleGrant = { platformId: string; role: Role };

/** Each user's roles, ordered by platform and role. */
export async function rolesOfMany(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<Map<string, RoleGrant[]>> {
  const out = new Map(userIds.map((id) => [id, [] as RoleGrant[]]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'platform_id', 'role'])
    .where('user_id', 'in', [...userIds])
    // user_id first: the unique (user_id, platform_id, role) index then yields the rows in order, with no
    // sort step; each user's list keeps its platform, role order (bench/README.md, issue 16).
    .orderBy('user_id')
    .orderBy('platform_id')
    .orderBy('role')
    .execute();
  for (const { userId, platformId, role } of rows.map(camelRow))
    out.get(userId)?.push({ platformId, role: role as Role });
  return out;
}

export async function rolesOf(db: Kysely<DB>, userId: string): Promise<RoleGrant[]> {
  return (await rolesOfMany(db, [userId])).get(userId)!;
}

/** Adds the roles (each platform and role once). */
export async function insertRoles(
  db: Kysely<DB>,
  userId: string,
  roles: readonly RoleGrant[],
  now: string,
): Promise<void> {
  const unique = [...new Map(roles.map((r) => [`${r.platformId}:${r.role}`, r])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('role_assignments')
    .values(
      unique.map((r) =>
        insertRow<RoleAssignmentsTable>({
          id: newId(),
          userId,
          platformId: r.platformId,
          role: r.role,
          createdAt: now,
        }),
      ),
    )
    .execute();
}

/** Removes a user's roles, on the listed platforms only when `platformIds` is given. */
export async function deleteRoles(
  db: Kysely<DB>,
  userId: string,
  platformIds: readonly string[] | null,
): Promise<void> {
  let del = db.deleteFrom('role_assignments').where('user_id', '=', userId);
  if (platformIds) del = del.where('platform_id', 'in', [...platformIds]);
  await del.execute();
}

/** Holders of any of `roles` on a platform, with the role they hold. */
export async function roleHolders(
  db: Kysely<DB>,
  platformId: string,
  roles: readonly string[],
): Promise<{ userId: string; role: string }[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role'])
    .where('platform_id', '=', platformId)
    .where('role', 'in', [...roles])
    .execute();
  return rows.map(camelRow);
}
