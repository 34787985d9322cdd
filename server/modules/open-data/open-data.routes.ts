import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { download, sendFile } from '../../files/download.js';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { sharedRateLimit } from '../../http/rate-limit.js';
import { commonGrantsAward, projectAsAward } from './open-data.awards.js';
import { callAsOpportunity, commonGrantsOpportunity } from './open-data.commongrants.js';
import { dumpFileOf, dumpManifest, dumpsManifest } from './open-data.dumps.js';
import { type callItem, DATASET_ITEMS, type projectItem } from './open-data.records.schema.js';
import { changesPage, changesQuery, pageOf, pageQuery } from './open-data.schema.js';
import {
  changesSince,
  changesStart,
  datasetPage,
  datasetRecordsPage,
  freshness,
  pageStart,
  syncOpenData,
} from './open-data.service.js';
import { DATASETS, type Dataset } from './open-data.views.js';

export const OPEN_PREFIX = '/api/open/v1';

const SUMMARIES: Record<Dataset, string> = {
  platforms: 'Platforms with their funding by year and source',
  units: 'Laboratories, centres and offices of the platforms',
  fields: 'The technology field tree',
  calls: 'Calls for proposals once published',
  projects: 'Funded projects with their consortia and amounts',
  results: 'Public results',
  technologies: 'Technologies available for licensing',
  statistics: 'Aggregate figures per platform and year',
};

/** The licence statement of every answer (OPEN_DATA_LICENCE, CC BY 4.0 by default). */
export function licenceOf(request: FastifyRequest) {
  const { config } = request.server.deps;
  return {
    id: config.openData.licence,
    url: config.openData.licenceUrl,
    attribution: `Commonlab open data, ${config.publicUrl}`,
  };
}

/**
 * Conditional GET (RFC 9110 §13): the validators name the newest change of what the answer shows and
 * the query, so an unchanged page answers 304 without a body. True when 304 was sent.
 */
async function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  seq: number,
  changedAt: string | null,
): Promise<boolean> {
  const query = createHash('sha256').update(request.url).digest('base64url').slice(0, 16);
  return conditional(request, reply, `W/"${seq}-${query}"`, changedAt);
}

/**
 * Conditional GET (RFC 9110 §13) with a given validator: an unchanged answer is 304 without a body.
 * True when 304 was sent.
 */
async function conditional(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  modifiedAt: string | null,
): Promise<boolean> {
  reply.header('etag', etag);
  const lastModified = modifiedAt ? new Date(modifiedAt) : null;
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  const inm = request.headers['if-none-match'];
  const ims = request.headers['if-modified-since'];
  const matches =
    inm !== undefined
      ? inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')
      : ims !== undefined &&
        lastModified !== null &&
        Math.floor(lastModified.getTime() / 1000) <= Date.parse(ims) / 1000;
  if (matches) await reply.code(304).send();
  return matches;
}

/** The anonymous open-data API (issue 15; docs/open-data.md): same answer for everyone, signed in or not. */
export async function openDataRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config } = root.deps;
  const max = config.openData.rateLimitPerMinute;
  const limit = sharedRateLimit('open-data', max);
  const tags = ['open data'];

  // Per client (IP) and minute, in the shared rate_limit_windows table; the structured RateLimit and
  // RateLimit-Policy fields of draft-ietf-httpapi-ratelimit-headers beside the older three.
  app.addHook('onRequest', async (request, reply) => {
    try {
      await limit(request, reply);
    } finally {
      reply.header('ratelimit-policy', `"open";q=${max};w=60`);
      reply.header(
        'ratelimit',
        `"open";r=${reply.getHeader('ratelimit-remaining')};t=${reply.getHeader('ratelimit-reset')}`,
      );
      const l = licenceOf(request);
      if (l.url) reply.header('link', `<${l.url}>; rel="license"`);
    }
  });

  for (const dataset of DATASETS) {
    app.get(
      `${OPEN_PREFIX}/${dataset}`,
      {
        config: { public: true },
        schema: {
          tags,
          summary: SUMMARIES[dataset],
          security: [],
          querystring: pageQuery,
          response: { 200: pageOf(DATASET_ITEMS[dataset]), 429: problemResponses[400], ...problemResponses },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        // A refused request writes nothing: the cursor is checked before the projection is brought up to date.
        pageStart(dataset, request.query.cursor);
        await syncOpenData(ctx);
        const f = await freshness(ctx, dataset);
        if (await notModified(request, reply, f.seq, f.changedAt)) return reply;
        const page = { ...(await datasetPage(ctx, dataset, request.query)), licence: licenceOf(request) };
        // Stored projections are JSON of open-data.views.ts; the response schema checks and strips them.
        return page as never;
      },
    );
  }

  // The calls in the CommonGrants protocol's shape (open-data.commongrants.ts), paged like the datasets.
  app.get(
    `${OPEN_PREFIX}/commongrants/opportunities`,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Calls as CommonGrants opportunities (HHS simpler-grants-protocol OpportunityBase)',
        security: [],
        querystring: pageQuery,
        response: { 200: pageOf(commonGrantsOpportunity), 429: problemResponses[400], ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      pageStart('calls', request.query.cursor);
      await syncOpenData(ctx);
      const f = await freshness(ctx, 'calls');
      if (await notModified(request, reply, f.seq, f.changedAt)) return reply;
      const page = await datasetPage(ctx, 'calls', request.query);
      const now = ctx.clock.now();
      return {
        items: (page.items as Array<z.infer<typeof callItem>>).map((c) =>
          callAsOpportunity(c, now, config.publicUrl),
        ),
        nextCursor: page.nextCursor,
        licence: licenceOf(request),
      };
    },
  );

  // Funded projects as CommonGrants awards (open-data.awards.ts, protocol 0.4), paged like the datasets.
  app.get(
    `${OPEN_PREFIX}/commongrants/awards`,
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Funded projects as CommonGrants awards (HHS simpler-grants-protocol AwardBase, protocol 0.4)',
        security: [],
        querystring: pageQuery,
        response: { 200: pageOf(commonGrantsAward), 429: problemResponses[400], ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      pageStart('projects', request.query.cursor);
      await syncOpenData(ctx);
      const f = await freshness(ctx, 'projects');
      if (await notModified(request, reply, f.seq, f.changedAt)) return reply;
      const page = await datasetRecordsPage(ctx, 'projects', request.query);
      return {
        items: page.records.map((r) => projectAsAward(r.body as z.infer<typeof projectItem>, r.changedAt)),
        nextCursor: page.nextCursor,
        licence: licenceOf(request),
      };
    },
  );

  // Bulk dumps (open-data.dumps.ts): the manifest, then each file with its checksum as a strong ETag.
  app.get(
    `${OPEN_PREFIX}/dumps`,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The current bulk dump: files (JSON Lines and CSV, gzip), sizes, SHA-256, licence',
        security: [],
        response: { 200: dumpManifest, 429: problemResponses[400], ...problemResponses },
      },
    },
    async (request, reply) => {
      const manifest = await dumpsManifest(ctxOf(request));
      if (
        await conditional(request, reply, `"${manifest.seq}-${manifest.generatedAt}"`, manifest.generatedAt)
      )
        return reply;
      return manifest;
    },
  );

  app.get(
    `${OPEN_PREFIX}/dumps/:name`,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One file of the current bulk dump',
        security: [],
        // A file of the dump by its published name (results.jsonl.gz, dictionary.json, SHA256SUMS …), not an id.
        params: zod.strictObject({ name: zod.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/) }),
        response: {
          200: download('application/gzip', 'The file; its SHA-256 is its ETag'),
          429: problemResponses[400],
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await dumpFileOf(ctxOf(request), request.params.name);
      if (await conditional(request, reply, `"${file.sha256}"`, file.modifiedAt)) return reply;
      return sendFile(reply, { mediaType: file.mediaType, fileName: file.name, body: file.body });
    },
  );

  app.get(
    `${OPEN_PREFIX}/changes`,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Created, updated and withdrawn records across datasets since a cursor',
        security: [],
        querystring: changesQuery,
        response: { 200: changesPage, 429: problemResponses[400], ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      changesStart(request.query.since);
      await syncOpenData(ctx);
      const f = await freshness(ctx);
      if (await notModified(request, reply, f.seq, f.changedAt)) return reply;
      return { ...(await changesSince(ctx, request.query)), licence: licenceOf(request) } as never;
    },
  );
}
