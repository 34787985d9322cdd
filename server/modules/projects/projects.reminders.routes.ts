import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { getReminderSettings, lastReminderRun, putReminderSettings } from './projects.reminders.js';
import {
  lastReminderRunView,
  reminderSettingsBody,
  reminderSettingsView,
} from './projects.reminders.schema.js';
import { platformProjectsParams } from './projects.schema.js';

/** Routes of the platform's reminder settings, added to the projects plugin by projectsRoutes. */
export function projectRemindersRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const url = '/api/platforms/:platformId/report-reminders';

  typed.get(
    url,
    {
      schema: {
        tags,
        summary:
          "The platform's reminders of reports due: days before and after the due day, on or off (its admins, program officers and supervisors)",
        params: platformProjectsParams,
        response: { 200: reminderSettingsView, ...problemResponses },
      },
    },
    async (request) => getReminderSettings(ctxOf(request), request.params.platformId),
  );

  typed.put(
    url,
    {
      schema: {
        tags,
        summary: "Set the platform's reminders of reports due (its admins)",
        params: platformProjectsParams,
        body: reminderSettingsBody,
        response: { 200: reminderSettingsView, ...problemResponses },
      },
    },
    async (request) => putReminderSettings(ctxOf(request), request.params.platformId, request.body),
  );

  typed.get(
    `${url}/last-run`,
    {
      schema: {
        tags,
        summary:
          "The last run of the platform's reminders: each report it judged, sent or why not (no_recipient…); who reads the settings",
        params: platformProjectsParams,
        response: { 200: lastReminderRunView, ...problemResponses },
      },
    },
    async (request) => lastReminderRun(ctxOf(request), request.params.platformId),
  );
}
