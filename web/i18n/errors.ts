import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ERROR_MESSAGES } from '../../common/error-codes.js';
import { ApiError } from '../api/client.js';
import { tk } from './index.js';

const NETWORK = tk('The server cannot be reached; check the connection and try again');
const UNEXPECTED = tk('Unexpected error');
const INVALID_VALUE = tk('This value is invalid');

function known(code: string): string | undefined {
  return Object.hasOwn(ERROR_MESSAGES, code)
    ? ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES]
    : undefined;
}

/** A localised sentence for any failure; server errors carry the request id so support can find them. */
export function errorText(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t(UNEXPECTED);
  if (err.code === 'network.unreachable') return t(NETWORK);
  const english = known(err.code);
  const text = english ? t(english) : err.title ? err.title : t(UNEXPECTED);
  if (err.status >= 500 && err.requestId)
    return `${text} (${t('Request id: {{id}}', { id: err.requestId })})`;
  return text;
}

/** Field errors of a problem, keyed by form path (pointer /roles/0/role → ['roles', 0, 'role']). */
export function fieldErrors<T>(t: TFunction, err: unknown): Parameters<FormInstance<T>['setFields']>[0] {
  if (!(err instanceof ApiError)) return [];
  const fields = err.fieldErrors
    .filter((f) => f.pointer.startsWith('/'))
    .map((f) => {
      const name = f.pointer
        .slice(1)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const english = known(f.code);
      return { name, errors: [english ? t(english) : t(INVALID_VALUE)] };
    });
  // Pointers come from the server, so the form's static field-name type cannot vouch for them.
  return fields as Parameters<FormInstance<T>['setFields']>[0];
}

/** A localised sentence for a stable error code alone (a batch action's per-row answer). */
export function codeText(t: TFunction, code: string | null): string {
  const english = code ? known(code) : undefined;
  return english ? t(english) : t(UNEXPECTED);
}
