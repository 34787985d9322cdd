import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundProblem } from './errors.js';

/** Hashed build output (vite names every file under assets/ by its content): cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else the web root serves (the shell, the favicon, page URLs): revalidated on every use. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built web UI from `webRoot` with a SPA fallback (issue 12, page speed):
 * - the build writes a brotli and a gzip copy next to each text asset (vite.config.ts, precompress), and
 *   @fastify/static's `preCompressed` sends the best one the browser accepts, with no compression work per
 *   request; `Vary: Accept-Encoding` tells caches the body depends on that header;
 * - `/assets/*` carry their content hash in the name, so a browser keeps them for a year without asking
 *   again; the shell (index.html) names the current build's assets and must never outlive a deployment,
 *   so it and the other files are `no-cache` (kept, but revalidated each time).
 */
export async function registerWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const index = webRoot && path.join(webRoot, 'index.html');
  const hasWeb = Boolean(webRoot && index && existsSync(index));
  if (webRoot && hasWeb) {
    const assets = path.join(webRoot, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The headers below replace send's own max-age.
      cacheControl: false,
      setHeaders(res, filePath) {
        res.setHeader('cache-control', filePath.startsWith(assets) ? IMMUTABLE : REVALIDATE);
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A page URL gets the app whatever the Accept header says (curl sends */*, link previews none);
    // the API and file-like URLs (a missing /assets/x.js) keep the problem+json 404.
    const pathname = request.url.split('?')[0]!;
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      pathname !== '/api' &&
      !pathname.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(pathname);
    if (isPage && hasWeb && existsSync(index as string)) {
      // setHeaders above marks the shell no-cache: it names the current build's hashed assets.
      return reply.sendFile('index.html');
    }
    return notFoundProblem(request, reply);
  });
}
