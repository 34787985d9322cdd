import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { bookInstrument, decideBooking, instrumentCalendar, listBookings } from './instruments.bookings.js';
import {
  bookingBody,
  bookingIdParams,
  bookingList,
  bookingsQuery,
  bookingView,
  calendarQuery,
  decisionBody,
  instrumentBody,
  instrumentIdParams,
  instrumentList,
  instrumentQuery,
  instrumentStateBody,
  instrumentView,
  platformParams,
} from './instruments.schema.js';
import {
  createInstrument,
  getInstrument,
  listInstruments,
  setInstrumentState,
  updateInstrument,
} from './instruments.service.js';

/** Large-instrument sharing: instruments, their calendars and bookings (issue 14; docs/services.md). */
export async function instrumentsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['instruments'];
  const pub = { public: true };

  app.get(
    '/api/public/platforms/:platformId/instruments',
    {
      config: pub,
      schema: {
        tags: ['public-portal'],
        summary: 'Published instruments of a platform, searched in Chinese or English (no sign-in)',
        params: platformParams,
        querystring: instrumentQuery,
        response: { 200: instrumentList, ...problemResponses },
      },
    },
    async (request) => listInstruments(ctxOf(request), request.params.platformId, request.query, true),
  );
  app.get(
    '/api/public/instruments/:id',
    {
      config: pub,
      schema: {
        tags: ['public-portal'],
        summary: 'One published instrument (no sign-in)',
        params: instrumentIdParams,
        response: { 200: instrumentView, ...problemResponses },
      },
    },
    async (request) => getInstrument(ctxOf(request), request.params.id, true),
  );
  app.get(
    '/api/public/instruments/:id/calendar',
    {
      config: pub,
      schema: {
        tags: ['public-portal'],
        summary: 'The hours of a published instrument already held, without who or why (no sign-in)',
        params: instrumentIdParams,
        querystring: calendarQuery,
        response: { 200: bookingList, ...problemResponses },
      },
    },
    async (request) => instrumentCalendar(ctxOf(request), request.params.id, request.query, true),
  );
  app.get(
    '/api/platforms/:platformId/instruments',
    {
      schema: {
        tags,
        summary: "A platform's instruments; its people may filter drafts and retired ones",
        params: platformParams,
        querystring: instrumentQuery,
        response: { 200: instrumentList, ...problemResponses },
      },
    },
    async (request) => listInstruments(ctxOf(request), request.params.platformId, request.query, false),
  );
  app.post(
    '/api/platforms/:platformId/instruments',
    {
      schema: {
        tags,
        summary: "Register an instrument of a unit as a draft (the unit's director, platform admins)",
        params: platformParams,
        body: instrumentBody,
        response: { 201: instrumentView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInstrument(ctxOf(request), request.params.platformId, request.body)),
  );
  app.get(
    '/api/instruments/:id',
    {
      schema: {
        tags,
        summary: 'One instrument',
        params: instrumentIdParams,
        response: { 200: instrumentView, ...problemResponses },
      },
    },
    async (request) => getInstrument(ctxOf(request), request.params.id, false),
  );
  app.put(
    '/api/instruments/:id',
    {
      schema: {
        tags,
        summary: "Edit an instrument (the unit's director, platform admins)",
        params: instrumentIdParams,
        body: instrumentBody,
        response: { 200: instrumentView, ...problemResponses },
      },
    },
    async (request) => updateInstrument(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/instruments/:id/state',
    {
      schema: {
        tags,
        summary: 'Publish or retire an instrument',
        params: instrumentIdParams,
        body: instrumentStateBody,
        response: { 200: instrumentView, ...problemResponses },
      },
    },
    async (request) => setInstrumentState(ctxOf(request), request.params.id, request.body.to),
  );
  app.get(
    '/api/instruments/:id/calendar',
    {
      schema: {
        tags,
        summary: 'The hours held on an instrument; who and why for the unit and the booker',
        params: instrumentIdParams,
        querystring: calendarQuery,
        response: { 200: bookingList, ...problemResponses },
      },
    },
    async (request) => instrumentCalendar(ctxOf(request), request.params.id, request.query, false),
  );
  app.post(
    '/api/instruments/:id/bookings',
    {
      schema: {
        tags,
        summary: "Ask for machine hours (the platform's enterprises and staff); the unit approves",
        params: instrumentIdParams,
        body: bookingBody,
        response: { 201: bookingView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await bookInstrument(ctxOf(request), request.params.id, request.body, 'booking')),
  );
  app.post(
    '/api/instruments/:id/maintenance',
    {
      schema: {
        tags,
        summary: "Block hours for maintenance (the unit's director, platform admins)",
        params: instrumentIdParams,
        body: bookingBody,
        response: { 201: bookingView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await bookInstrument(ctxOf(request), request.params.id, request.body, 'maintenance')),
  );
  app.get(
    '/api/instrument-bookings',
    {
      schema: {
        tags,
        summary: "The caller's bookings (view=mine) or its units' approval queue (view=unit)",
        querystring: bookingsQuery,
        response: { 200: bookingList, ...problemResponses },
      },
    },
    async (request) => listBookings(ctxOf(request), request.query),
  );
  app.post(
    '/api/instrument-bookings/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject (the unit), or cancel (the booker; the unit for maintenance)',
        params: bookingIdParams,
        body: decisionBody,
        response: { 200: bookingView, ...problemResponses },
      },
    },
    async (request) => decideBooking(ctxOf(request), request.params.id, request.body),
  );
}
