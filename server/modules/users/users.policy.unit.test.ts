import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles.js';
import { cliActor, type UserActor } from '../../http/context.js';
import { can, type UsersAction } from './users.policy.js';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const ACTIONS: UsersAction[] = [
  'users.list',
  'users.create',
  'users.update',
  'users.reset_password',
  'users.assign_roles',
];

function actor(roles: Array<[string, Role]>, isSystemAdmin = false): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    username: 'u',
    displayName: 'u',
    isSystemAdmin,
    roles: roles.map(([platformId, role]) => ({ platformId, role })),
    via: 'session',
    scopes: ['read', 'write'],
  };
}

const allowed = (a: UserActor | null, resource = {}) => ACTIONS.filter((x) => can(a, x, resource));

describe('users policy', () => {
  it('allows nothing to the public', () => {
    expect(allowed(null, { platformIds: [] })).toEqual([]);
  });

  it('allows everything to a system admin and to the CLI', () => {
    expect(allowed(actor([], true), { platformIds: [A, B] })).toEqual(ACTIONS);
    expect(allowed(cliActor(), { platformIds: [A] })).toEqual(ACTIONS);
  });

  it('lets a platform admin list accounts and assign roles on their own platforms only', () => {
    const adminA = actor([[A, 'platform_admin']]);
    expect(allowed(adminA, { platformIds: [A] })).toEqual(['users.list', 'users.assign_roles']);
    expect(can(adminA, 'users.assign_roles', { platformIds: [] })).toBe(true);
    expect(can(adminA, 'users.assign_roles', { platformIds: [B] })).toBe(false);
    expect(can(adminA, 'users.assign_roles', { platformIds: [A, B] })).toBe(false);
    expect(
      can(
        actor([
          [A, 'platform_admin'],
          [B, 'researcher'],
        ]),
        'users.assign_roles',
        { platformIds: [B] },
      ),
    ).toBe(false);
    expect(
      can(
        actor([
          [A, 'platform_admin'],
          [B, 'platform_admin'],
        ]),
        'users.assign_roles',
        { platformIds: [A, B] },
      ),
    ).toBe(true);
  });

  it.each(ROLES.filter((r) => r !== 'platform_admin'))('gives a %s no account management', (role) => {
    const holder = actor([[A, role]]);
    expect(allowed(holder, { platformIds: [A] })).toEqual([]);
    expect(allowed(holder, { platformIds: [] })).toEqual([]);
  });

  it('gives a signed-in user without roles no account management', () => {
    expect(allowed(actor([]), { platformIds: [] })).toEqual([]);
  });
});
