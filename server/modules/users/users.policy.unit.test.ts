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
  'users.assign_admin_kinds',
  'users.reset_mfa',
  'users.unlock',
];

function actor(
  roles: Array<[string, Role]>,
  isSystemAdmin = false,
  kind: { isSecurityAdmin?: boolean; isAuditAdmin?: boolean } = {},
): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    username: 'u',
    displayName: 'u',
    isSystemAdmin,
    isSecurityAdmin: kind.isSecurityAdmin ?? false,
    isAuditAdmin: kind.isAuditAdmin ?? false,
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

  it('separates duties: the system admin runs accounts, the security admin grants and unlocks', () => {
    expect(allowed(actor([], true), { platformIds: [A, B] })).toEqual([
      'users.list',
      'users.create',
      'users.update',
      'users.reset_password',
    ]);
    expect(allowed(actor([], false, { isSecurityAdmin: true }), { platformIds: [A, B] })).toEqual([
      'users.list',
      'users.assign_roles',
      'users.assign_admin_kinds',
      'users.reset_mfa',
      'users.unlock',
    ]);
    expect(allowed(actor([], false, { isAuditAdmin: true }), { platformIds: [A] })).toEqual([]);
  });

  it('lets a system admin who also administers a platform grant roles there, and nowhere else', () => {
    const both = actor([[A, 'platform_admin']], true);
    expect(can(both, 'users.assign_roles', { platformIds: [A] })).toBe(true);
    expect(can(both, 'users.assign_roles', { platformIds: [B] })).toBe(false);
    expect(can(both, 'users.assign_admin_kinds')).toBe(false);
  });

  it('allows everything to the CLI, which acts on the server itself', () => {
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
