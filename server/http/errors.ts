import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/error-codes.js';
import type { FieldError } from '../../common/problem.js';

export type { FieldError } from '../../common/problem.js';

/** A failure the client can act on; becomes application/problem+json (RFC 9457). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly extra: { detail?: string; errors?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(extra.detail ?? ERROR_MESSAGES[code]);
  }
}

export const notFound = (code: ErrorCode = 'request.not_found') => new AppError(404, code);
export const forbidden = () => new AppError(403, 'auth.forbidden');
export const unauthorized = (code: ErrorCode = 'auth.not_signed_in') => new AppError(401, code);
export const invalidField = (pointer: string, code: ErrorCode) =>
  new AppError(400, 'request.validation_failed', {
    errors: [{ in: 'body', pointer, code, message: ERROR_MESSAGES[code] }],
  });

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, extra = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `urn:commonlab:problem:${code}`,
      title: ERROR_MESSAGES[code],
      status,
      code,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...extra,
    });
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.malformed_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.invalid'],
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const { detail, ...rest } = err.extra;
      return send(reply, request, err.status, err.code, detail ? { detail, ...rest } : rest);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldError[] = err.validation.flatMap((v) => {
        const at = { in: err.validationContext ?? 'body', code: v.keyword, message: v.message ?? '' };
        const pointer = v.instancePath === '/' ? '' : v.instancePath;
        // Point at each unknown field itself, not at the object holding it.
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        if (!keys?.length) return [{ ...at, pointer }];
        return keys.map((k) => ({
          ...at,
          pointer: `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        }));
      });
      return send(reply, request, 400, 'request.validation_failed', { errors });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return send(reply, request, mapped[0], mapped[1]);
    if (err instanceof SyntaxError) return send(reply, request, 400, 'request.malformed_json');
    if (err.statusCode === 429) return send(reply, request, 429, 'request.rate_limited');
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(err as never)) {
      return send(reply, request, status, status === 404 ? 'request.not_found' : 'request.invalid');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, request, 500, 'internal.error');
  });
}

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 404, 'request.not_found');
}

/**
 * Errors the router raises before any hook or error handler runs (a malformed %-escape, a path
 * parameter over maxParamLength): Fastify would answer them in its own JSON shape.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id);
  const status =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 414
      : err.statusCode && err.statusCode < 500
        ? err.statusCode
        : 400;
  return send(reply, request, status, 'request.invalid');
}
