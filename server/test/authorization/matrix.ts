import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';

/**
 * The row shape of the authorization matrix (authorization.test.ts) for the domain files that add rows
 * (authorization.<domain>.cases.ts). Actor A:<role> holds the role on platform A; B:platform_admin is
 * another platform's admin; tokens belong to a system admin. The security and audit admins hold no platform
 * role (separation of duties, docs/adr/0014).
 */
export type Cls = '2xx' | '3xx' | '400' | '401' | '403' | '404' | '409';
export type ActorName =
  | 'anonymous'
  | 'token:read'
  | 'token:write'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | `A:${Role}`
  | 'B:platform_admin';
export type Expect = Partial<Record<ActorName, Cls>> & { others: Cls };
export interface Cell {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<Cell> | Cell;
}
export interface MatrixEnv {
  ctx(): Ctx;
  A(): string;
  B(): string;
  userId(actor: ActorName): string | undefined;
}

/**
 * The security and audit admins hold no platform role: on a platform's records they are refused (or do not
 * see them) like any account without a role there. Rows whose default would give them more say so.
 */
export const roleless = <C extends '403' | '404'>(cls: C) => ({ security_admin: cls, audit_admin: cls });

/** A call's staff: program officers and admins of its platform, A (tokens belong to a system admin). */
export const CALL_OFFICERS: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  others: '403',
};
export const CALL_OFFICERS_WRITE: Expect = { ...CALL_OFFICERS, 'token:read': '403' };
