import { z } from 'zod';

/** The problem+json shape (RFC 9457) every error response has; listed on every route for the docs. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z
      .array(z.object({ in: z.string(), pointer: z.string(), code: z.string(), message: z.string() }))
      .optional(),
  })
  .loose()
  .describe('application/problem+json');

export const problemResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
};
