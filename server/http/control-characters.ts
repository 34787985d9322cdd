import type { FastifyInstance } from 'fastify';
import { ERROR_MESSAGES } from '../../common/error-codes.js';
import { AppError, type FieldError } from './errors.js';

/**
 * Control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F) other than tab, line feed and carriage
 * return. Those three are allowed in every text field: multi-line fields need them and in a one-line
 * field they are harmless. NUL in particular cannot be stored by PostgreSQL at all.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

export const hasControlCharacter = (s: string) => CONTROL.test(s);

const pointerKey = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');

/** Pointers (RFC 6901) to every string, or object key, holding a control character. */
function offending(value: unknown, pointer = '', out: string[] = []): string[] {
  if (out.length >= 100) return out;
  if (typeof value === 'string') {
    if (hasControlCharacter(value)) out.push(pointer);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) offending(v, `${pointer}/${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasControlCharacter(k)) out.push(`${pointer}/${pointerKey(k)}`);
      else offending(v, `${pointer}/${pointerKey(k)}`, out);
    }
  }
  return out;
}

/**
 * One rule for all text input, applied before any route schema: a control character anywhere in the
 * body, the query string or the path parameters is refused with 422 and a pointer to each value, on
 * both databases alike.
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  // Synchronous (a throw is the 422): most requests have nothing to scan and pay no promise.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.is404) return done();
    const errors: FieldError[] = [];
    const parts = { params: request.params, querystring: request.query, body: request.body } as const;
    for (const [where, value] of Object.entries(parts)) {
      for (const pointer of offending(value)) {
        errors.push({
          in: where,
          pointer,
          code: 'request.control_character',
          message: ERROR_MESSAGES['request.control_character'],
        });
      }
    }
    if (errors.length) throw new AppError(422, 'request.control_character', { errors });
    done();
  });
}
