import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { freshDatabase, testClock, testConfig } from '../test/harness.js';

// The single-page app answers every page URL, whatever the client's Accept header (curl sends */*,
// a link preview none at all); the API and missing static files keep their problem+json 404.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let app: FastifyInstance;
let webRoot: string;
const BIG_JS = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, label: `行 ${i}` })))};`;
const SHELL =
  '<!doctype html><title>Commonlab</title><script type="module" src="/assets/page-Ab12Cd.js"></script>';
beforeAll(async () => {
  fresh = await freshDatabase();
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'commonlab-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  // As the build leaves a hashed asset and the shell: with a brotli and a gzip copy beside each.
  for (const [name, text] of [
    ['assets/page-Ab12Cd.js', BIG_JS],
    ['index.html', SHELL],
  ] as const) {
    writeFileSync(path.join(webRoot, name), text);
    writeFileSync(path.join(webRoot, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(webRoot, `${name}.gz`), gzipSync(text));
  }
  writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await buildApp({
    config: testConfig(fresh.dataDir),
    database: fresh.database,
    clock: testClock(),
    logger: false,
    webRoot,
  });
});
afterAll(async () => {
  await app.close();
  await fresh.database.close();
  await fresh.drop();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('page URLs', () => {
  it.each([
    ['/', {}],
    ['/public', { accept: '*/*' }],
    ['/calls/123?tab=review', { accept: 'text/html,application/xhtml+xml' }],
    ['/public/results', { accept: 'application/json' }],
  ])('serve the app for %s (Accept %j)', async (url, headers) => {
    const res = await get(url, headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Commonlab</title>');
  });

  it('serve static files as they are', async () => {
    const res = await get('/assets/app.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });

  it.each([
    ['GET', '/api/nothing-here', 'text/html'],
    ['GET', '/assets/missing.js', 'text/html'],
    ['GET', '/favicon-missing.png', '*/*'],
    ['POST', '/public', 'text/html'],
  ])('leave %s %s a problem+json 404', async (method, url, accept) => {
    const res = await app.inject({ method: method as 'GET', url, headers: { accept } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('request.not_found');
  });
});

describe('security headers (ASVS 3.4, 14.3.2)', () => {
  it('send a CSP with base-uri, object-src and frame-ancestors none, nosniff and no framing', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
      ]) {
        expect(csp, `${url}: ${directive}`).toContain(directive);
      }
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('forbid caching of API answers, errors included, but not of static assets and pages', async () => {
    for (const url of ['/api/health', '/api/auth/session', '/api/nothing-here', '/api/fields']) {
      expect((await get(url)).headers['cache-control'], url).toBe('no-store');
    }
    expect((await get('/assets/app.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });
});

describe('static assets: precompressed and cached (issue 12, page speed)', () => {
  const decode: Record<string, (b: Buffer) => Buffer> = {
    br: brotliDecompressSync,
    gzip: gunzipSync,
    none: (b) => b,
  };
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', 'none'],
    ['', 'none'],
  ])(
    'send the copy Accept-Encoding %j asks for (%s) of a hashed asset, cached for a year',
    async (accept, encoding) => {
      const res = await get('/assets/page-Ab12Cd.js', accept ? { 'accept-encoding': accept } : {});
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding === 'none' ? undefined : encoding);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      const raw = decode[encoding]!(res.rawPayload).toString('utf8');
      expect(raw).toBe(BIG_JS);
      if (encoding !== 'none') expect(res.rawPayload.length).toBeLessThan(BIG_JS.length / 3);
    },
  );

  it.each(['/', '/calls/123', '/public/results'])(
    'send the shell for %s compressed but revalidated on every use',
    async (url) => {
      const res = await get(url, { 'accept-encoding': 'gzip, br', accept: 'text/html' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(SHELL);
    },
  );

  it('revalidate files outside assets/ (they keep their name across builds)', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
