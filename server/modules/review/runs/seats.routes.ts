import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchResult } from '../../../../common/batch.js';
import { ctxOf } from '../../../http/auth.js';
import { problem, problemResponses } from '../../../http/openapi.js';
import { refillCall } from './publish.service.js';
import {
  callIdParams,
  declineBody,
  myReviewList,
  myReviewView,
  reinviteBody,
  reviewCallList,
  runView,
  seatList,
  seatParams,
} from './runs.schema.js';
import { reinviteSeats } from './seats.reinvite.js';
import { answerSeat, listMyReviews, listReviewCalls, listSeats } from './seats.service.js';

/** Seats: officers see and refill them; an expert sees and answers only their own. */
export async function seatsRoutes(root: FastifyInstance) {
  // Registered inside assignmentRunsRoutes' scope, whose requireSignIn(app) guards these routes too.
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];

  app.get(
    '/api/review/calls',
    {
      schema: {
        tags,
        summary: 'Calls of the officer’s platforms with applications in review, or reviewing or decided',
        response: { 200: reviewCallList, ...problemResponses },
      },
    },
    async (request) => listReviewCalls(ctxOf(request)),
  );

  app.get(
    '/api/calls/:callId/seats',
    {
      schema: {
        tags,
        summary: 'Every seat of the call with its state, and counts per state (officers)',
        params: callIdParams,
        response: { 200: seatList, ...problemResponses },
      },
    },
    async (request) => listSeats(ctxOf(request), request.params.callId),
  );

  app.post(
    '/api/calls/:callId/refill',
    {
      schema: {
        tags,
        summary: 'Refill declined and expired seats with the call’s mode; accepted seats stay untouched',
        params: callIdParams,
        response: { 200: runView, ...problemResponses, 422: problem },
      },
    },
    async (request) => refillCall(ctxOf(request), request.params.callId),
  );

  app.post(
    '/api/calls/:callId/seats/reinvite',
    {
      schema: {
        tags,
        summary:
          'Invite again the experts of seats whose invitations ran out unanswered; one result per seat',
        params: callIdParams,
        body: reinviteBody,
        response: { 200: batchResult, ...problemResponses },
      },
    },
    async (request) => reinviteSeats(ctxOf(request), request.params.callId, request.body.seatIds),
  );

  app.get(
    '/api/my-reviews',
    {
      schema: {
        tags,
        summary: 'The signed-in expert’s invitations and reviews (never other reviewers)',
        response: { 200: myReviewList, ...problemResponses },
      },
    },
    async (request) => listMyReviews(ctxOf(request)),
  );

  app.post(
    '/api/review-assignments/:assignmentId/accept',
    {
      schema: {
        tags,
        summary: 'Accept one’s own invitation before its reply deadline',
        params: seatParams,
        response: { 200: myReviewView, ...problemResponses },
      },
    },
    async (request) => answerSeat(ctxOf(request), request.params.assignmentId, 'accept'),
  );

  app.post(
    '/api/review-assignments/:assignmentId/decline',
    {
      schema: {
        tags,
        summary: 'Decline one’s own invitation, with a reason, before its reply deadline',
        params: seatParams,
        body: declineBody,
        response: { 200: myReviewView, ...problemResponses },
      },
    },
    async (request) =>
      answerSeat(ctxOf(request), request.params.assignmentId, 'decline', request.body.reason),
  );
}
