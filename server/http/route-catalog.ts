import type { FastifyInstance, FastifySchema } from 'fastify';
import { AppError } from './errors.js';

export interface RouteInfo {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after collectRoutes (HEAD twins of GET left out): docs and bad-input tests walk it. */
    routeList: readonly RouteInfo[];
  }
}

/** Records each route as it is added, so checks over "every route" cover new modules without a list to keep. */
export function collectRoutes(app: FastifyInstance): void {
  const list: RouteInfo[] = [];
  app.decorate('routeList', list);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') list.push({ method, url: route.url, schema: route.schema });
    }
  });
}

/**
 * A route that declares no body takes none: fields it would silently ignore are refused like the
 * unknown fields of a strict body schema. An empty object is allowed (clients often send `{}`).
 */
export function refuseUndeclaredBodies(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const body = request.body as unknown;
    if (request.is404 || request.routeOptions.schema?.body || body === undefined || body === null)
      return done();
    const isObject = typeof body === 'object' && !Array.isArray(body);
    const keys = isObject ? Object.keys(body) : [''];
    if (keys.length === 0) return done();
    throw new AppError(400, 'request.validation_failed', {
      errors: keys.map((k) => ({
        in: 'body',
        pointer: k ? `/${k.replaceAll('~', '~0').replaceAll('/', '~1')}` : '',
        code: 'unrecognized_keys',
        message: 'This request takes no body',
      })),
    });
  });
}
