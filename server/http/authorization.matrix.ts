import type { Role } from '../../common/roles.js';
import type { Ctx } from './context.js';

/**
 * The row shape of the authorization matrix (authorization.test.ts) for the domain files that add rows
 * (authorization.<domain>.cases.ts). Actor A:<role> holds the role on platform A; B:platform_admin is
 * another platform's admin; tokens belong to a system admin.
 */
export type Cls = '2xx' | '3xx' | '401' | '403' | '404';
export type ActorName =
  | 'anonymous'
  | 'token:read'
  | 'token:write'
  | 'system_admin'
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
