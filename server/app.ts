import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { authPlugin, cookieNames } from './http/auth.js';
import { type Clock, systemClock } from './http/context.js';
import { refuseControlCharacters } from './http/control-characters.js';
import { frameworkErrors, registerErrorHandling } from './http/errors.js';
import { collectRoutes, refuseUndeclaredBodies } from './http/route-catalog.js';
import { securityEventsPlugin } from './http/security-events.js';
import { helmetOptions, securityHeaders } from './http/security-headers.js';
import { compiledSerializerCompiler } from './http/serializer.js';
import { registerWeb } from './http/web-assets.js';
import { agreementsRoutes } from './modules/agreements/agreements.routes.js';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { announcementsRoutes } from './modules/announcements/announcements.routes.js';
import { applicationsRoutes } from './modules/applications/applications.routes.js';
import { applicationMembersRoutes } from './modules/applications/applications.routes.members.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { accountRoutes } from './modules/auth/account.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { mfaRoutes } from './modules/auth/mfa.routes.js';
import { setPasswordHashCost } from './modules/auth/password.js';
import { recoveryRoutes } from './modules/auth/recovery.routes.js';
import { callsRoutes } from './modules/calls/calls.routes.js';
import { committeeRoutes } from './modules/committee/committee.routes.js';
import { fieldsRoutes } from './modules/fields/fields.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { inquiriesRoutes } from './modules/inquiries/inquiries.routes.js';
import { instrumentsRoutes } from './modules/instruments/instruments.routes.js';
import { ipRoutes } from './modules/ip/ip.routes.js';
import { labEvaluationsRoutes } from './modules/lab-evaluations/lab-evaluations.routes.js';
import { needsRoutes } from './modules/needs/needs.routes.js';
import { notificationsOutbox } from './modules/notifications/notifications.outbox.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { openDataRoutes } from './modules/open-data/open-data.routes.js';
import { orgsRoutes } from './modules/orgs/orgs.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { platformsRoutes } from './modules/platforms/platforms.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { registrationsRoutes } from './modules/registrations/registrations.routes.js';
import { resultsRoutes } from './modules/results/results.routes.js';
import { conflictsRoutes } from './modules/review/conflicts/conflicts.routes.js';
import { decisionsRoutes } from './modules/review/decisions/decisions.routes.js';
import { expertsRoutes } from './modules/review/experts/experts.routes.js';
import { assignmentRunsRoutes } from './modules/review/runs/runs.routes.js';
import { scoringRoutes } from './modules/review/scoring/scoring.routes.js';
import { serviceDashboardsRoutes } from './modules/service-dashboards/service-dashboards.routes.js';
import { servicesRoutes } from './modules/services/services.routes.js';
import { healthRoutes } from './modules/system/health.routes.js';
import { reportExportRoutes } from './modules/ttreports/report-export.routes.js';
import { ttreportsRoutes } from './modules/ttreports/ttreports.routes.js';
import { unitsRoutes } from './modules/units/units.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { vouchersRoutes } from './modules/vouchers/vouchers.routes.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Folder of the built web UI; served with a SPA fallback when it exists. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: { config: Config; database: Database; clock: Clock };
  }
}

/** Logger settings of every deployment (credentials never reach the logs); the benchmarks reuse them. */
export const LOGGER_OPTIONS = { redact: ['req.headers.cookie', 'req.headers.authorization'] };

/** Builds the HTTP application (plugins, errors, routes); never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  setPasswordHashCost(config.passwordHashCost);
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel, ...LOGGER_OPTIONS },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : uuidv7();
    },
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    frameworkErrors,
  });
  app.decorate('deps', { config, database: deps.database, clock: deps.clock ?? systemClock });
  app.setValidatorCompiler(validatorCompiler);
  // Compiled per route from the zod schemas; outside production every answer is still checked by zod.
  app.setSerializerCompiler(compiledSerializerCompiler({ checkWithZod: config.env !== 'production' }));
  collectRoutes(app);
  refuseControlCharacters(app);
  refuseUndeclaredBodies(app);
  // Callback style (no promise per answer; issue 16).
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // API answers hold personal and session data: no browser or proxy cache may keep them (ASVS 14.3.2).
    // Static assets keep their own caching; a route that sets its own cache-control keeps it.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });

  // helmet's headers, computed once at start (server/http/security-headers.ts).
  await app.register(securityHeaders, helmetOptions(config.cookieSecure));
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Commonlab API', version: '0.1.0', description: 'Generic technology service platform' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookieNames(config.cookieSecure).session },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (clt_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(authPlugin);
  await app.register(securityEventsPlugin);
  for (const routes of [
    healthRoutes,
    authRoutes,
    mfaRoutes,
    usersRoutes,
    auditRoutes,
    homeRoutes,
    platformsRoutes,
  ]) {
    await app.register(routes);
  }
  await app.register(workbenchRoutes);
  await app.register(accountRoutes);
  await app.register(recoveryRoutes);
  await app.register(registrationsRoutes);
  await app.register(orgsRoutes);
  await app.register(importsRoutes);
  await app.register(fieldsRoutes);
  await app.register(unitsRoutes);
  await app.register(peopleRoutes);
  await app.register(committeeRoutes);
  await app.register(labEvaluationsRoutes);
  await app.register(projectsRoutes);
  await app.register(callsRoutes);
  await app.register(applicationsRoutes);
  await app.register(applicationMembersRoutes);
  await app.register(openDataRoutes);
  await app.register(notificationsOutbox);
  await app.register(notificationsRoutes);
  await app.register(resultsRoutes);
  await app.register(inquiriesRoutes);
  await app.register(ipRoutes);
  await app.register(agreementsRoutes);
  await app.register(ttreportsRoutes);
  await app.register(analyticsRoutes);
  await app.register(reportExportRoutes);
  await app.register(servicesRoutes);
  await app.register(instrumentsRoutes);
  await app.register(announcementsRoutes);
  await app.register(vouchersRoutes);
  await app.register(needsRoutes);
  await app.register(serviceDashboardsRoutes);
  // Expert review (issue 5): the expert database, conflicts, assignment runs, scoring, decisions.
  for (const routes of [
    expertsRoutes,
    conflictsRoutes,
    assignmentRunsRoutes,
    scoringRoutes,
    decisionsRoutes,
  ]) {
    await app.register(routes);
  }
  await registerWeb(app, deps.webRoot);
  return app;
}
