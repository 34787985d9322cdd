import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles.js';
import { cliActor, type UserActor } from '../../http/context.js';
import { can, readableAuditScope } from './audit.policy.js';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

function actor(
  roles: Array<[string, Role]>,
  kind: { isSystemAdmin?: boolean; isSecurityAdmin?: boolean; isAuditAdmin?: boolean } = {},
): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    username: 'u',
    displayName: 'u',
    isSystemAdmin: kind.isSystemAdmin ?? false,
    isSecurityAdmin: kind.isSecurityAdmin ?? false,
    isAuditAdmin: kind.isAuditAdmin ?? false,
    roles: roles.map(([platformId, role]) => ({ platformId, role })),
    via: 'session',
    scopes: ['read'],
  };
}

describe('audit policy', () => {
  it('gives the public nothing', () => {
    expect(readableAuditScope(null)).toEqual([]);
    expect(can(null, 'audit.read')).toBe(false);
    expect(can(null, 'audit.verify')).toBe(false);
  });

  it('lets the audit admin (and the CLI) read everything and verify the chain', () => {
    for (const a of [actor([], { isAuditAdmin: true }), cliActor()]) {
      expect(readableAuditScope(a)).toBe('all');
      expect(can(a, 'audit.read')).toBe(true);
      expect(can(a, 'audit.verify')).toBe(true);
    }
  });

  it('gives the system and security admins no deployment-wide read and no verify', () => {
    for (const a of [actor([], { isSystemAdmin: true }), actor([], { isSecurityAdmin: true })]) {
      expect(readableAuditScope(a)).toEqual([]);
      expect(can(a, 'audit.read')).toBe(false);
      expect(can(a, 'audit.verify')).toBe(false);
    }
    // The demo admin is also a platform admin: that platform's trail stays readable.
    expect(readableAuditScope(actor([[A, 'platform_admin']], { isSystemAdmin: true }))).toEqual([A]);
  });

  const readers: Role[] = ['platform_admin', 'supervisor'];
  it.each(ROLES.map((role) => [role, readers.includes(role)] as const))(
    'a %s on platform A reads platform A: %s; never verifies',
    (role, reads) => {
      const holder = actor([[A, role]]);
      expect(readableAuditScope(holder)).toEqual(reads ? [A] : []);
      expect(can(holder, 'audit.read')).toBe(reads);
      expect(can(holder, 'audit.verify')).toBe(false);
    },
  );

  it('reads the union of the platforms where the actor is admin or supervisor, once each', () => {
    const mixed = actor([
      [A, 'platform_admin'],
      [A, 'supervisor'],
      [B, 'supervisor'],
      ['c', 'researcher'],
    ]);
    expect([...(readableAuditScope(mixed) as string[])].sort()).toEqual([A, B]);
  });

  it('gives a signed-in user without roles nothing', () => {
    expect(readableAuditScope(actor([]))).toEqual([]);
    expect(can(actor([]), 'audit.read')).toBe(false);
  });
});
