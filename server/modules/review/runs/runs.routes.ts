import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOptions } from '../../../../common/export-options.js';
import { contentDisposition, download, sendFile } from '../../../files/download.js';
import { PDF_TYPE } from '../../../files/pdf.js';
import { ctxOf, requireSignIn } from '../../../http/auth.js';
import { problem, problemResponses } from '../../../http/openapi.js';
import { addOverride, listOverrides, removeOverride } from './overrides.service.js';
import { publishRun } from './publish.service.js';
import { runRecordPdf } from './runs.print.js';
import {
  callIdParams,
  createRunBody,
  overrideBody,
  overrideList,
  overrideParams,
  overrideView,
  replayView,
  reviewSettingsView,
  runList,
  runParams,
  runView,
  updateReviewSettingsBody,
} from './runs.schema.js';
import { createRun, getRun, listRuns, replayRun, runInstance } from './runs.service.js';
import { seatsRoutes } from './seats.routes.js';
import { getReviewSettings, updateReviewSettings } from './settings.service.js';

/** A call's review settings, assignment runs and pins/forbids (officers); seats in seats.routes.ts. */
export async function assignmentRunsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['review'];
  const withInfeasible = { ...problemResponses, 422: problem };

  app.get(
    '/api/calls/:callId/review-settings',
    {
      schema: {
        tags,
        summary: "A call's review settings (the defaults until saved): rule set, composition, loads, windows",
        params: callIdParams,
        response: { 200: reviewSettingsView, ...problemResponses },
      },
    },
    async (request) => getReviewSettings(ctxOf(request), request.params.callId),
  );

  app.put(
    '/api/calls/:callId/review-settings',
    {
      schema: {
        tags,
        summary: "Change a call's review settings (officers)",
        params: callIdParams,
        body: updateReviewSettingsBody,
        response: { 200: reviewSettingsView, ...problemResponses },
      },
    },
    async (request) => updateReviewSettings(ctxOf(request), request.params.callId, request.body),
  );

  app.post(
    '/api/calls/:callId/assignment-runs',
    {
      schema: {
        tags,
        summary: 'Run the assignment (optimal, random or hybrid) into a draft run, stored whole for replay',
        params: callIdParams,
        body: createRunBody,
        response: { 201: runView, ...withInfeasible },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRun(ctxOf(request), request.params.callId, request.body)),
  );

  app.get(
    '/api/calls/:callId/assignment-runs',
    {
      schema: {
        tags,
        summary: "The call's assignment runs, newest first",
        params: callIdParams,
        response: { 200: runList, ...problemResponses },
      },
    },
    async (request) => listRuns(ctxOf(request), request.params.callId),
  );

  app.get(
    '/api/calls/:callId/assignment-runs/:runId',
    {
      schema: {
        tags,
        summary: 'One run with its pairs: experts by name, category and affinity',
        params: runParams,
        response: { 200: runView, ...problemResponses },
      },
    },
    async (request) => getRun(ctxOf(request), request.params.callId, request.params.runId),
  );

  app.get(
    '/api/calls/:callId/assignment-runs/:runId/record.pdf',
    {
      schema: {
        tags,
        summary: 'The 专家抽取结果表 of a run as a printable PDF (the call’s officers)',
        description:
          'Mode, seed, input checksum, who drew and when, each pair drawn (expert, category, affinity, fixed by hand) and each pair avoided (conflict of interest or excluded by hand), in `lang` with times in `tz`.',
        params: runParams,
        querystring: z.strictObject(exportOptions),
        response: { 200: download(PDF_TYPE, 'The expert selection record'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { callId, runId } = request.params;
      const file = await runRecordPdf(ctxOf(request), callId, runId, request.query);
      return sendFile(reply.header('cache-control', 'no-store'), { mediaType: PDF_TYPE, ...file });
    },
  );

  app.get(
    '/api/calls/:callId/assignment-runs/:runId/instance',
    {
      schema: {
        tags,
        summary: 'The run’s instance file, as `commonlab assign --input` reads it',
        params: runParams,
        response: { 200: z.record(z.string(), z.unknown()), ...problemResponses },
      },
    },
    async (request, reply) => {
      const instance = await runInstance(ctxOf(request), request.params.callId, request.params.runId);
      return reply
        .header('content-disposition', contentDisposition(`assignment-${request.params.runId}.json`))
        .send(instance);
    },
  );

  app.post(
    '/api/calls/:callId/assignment-runs/:runId/replay',
    {
      schema: {
        tags,
        summary: 'Re-run the engine from the stored instance, mode and seed; reports whether it is identical',
        params: runParams,
        response: { 200: replayView, ...withInfeasible },
      },
    },
    async (request) => replayRun(ctxOf(request), request.params.callId, request.params.runId),
  );

  app.post(
    '/api/calls/:callId/assignment-runs/:runId/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft run: seats invited with labels and a reply window, the call into review',
        params: runParams,
        response: { 200: runView, ...problemResponses },
      },
    },
    async (request) => publishRun(ctxOf(request), request.params.callId, request.params.runId),
  );

  app.get(
    '/api/calls/:callId/assignment-overrides',
    {
      schema: {
        tags,
        summary: 'Pins and forbids of the call with their reasons',
        params: callIdParams,
        response: { 200: overrideList, ...problemResponses },
      },
    },
    async (request) => listOverrides(ctxOf(request), request.params.callId),
  );

  app.post(
    '/api/calls/:callId/assignment-overrides',
    {
      schema: {
        tags,
        summary: 'Pin or forbid an (application, expert) pair with a reason; a conflicted pin is refused',
        params: callIdParams,
        body: overrideBody,
        response: { 201: overrideView, ...withInfeasible },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addOverride(ctxOf(request), request.params.callId, request.body)),
  );

  app.delete(
    '/api/calls/:callId/assignment-overrides/:overrideId',
    {
      schema: {
        tags,
        summary: 'End a pin or forbid (kept in the record)',
        params: overrideParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeOverride(ctxOf(request), request.params.callId, request.params.overrideId);
      return reply.code(204).send(null);
    },
  );

  await seatsRoutes(root);
}
