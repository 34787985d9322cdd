import { z } from 'zod';

export const securityEventsQuery = z.strictObject({
  userId: z.uuid().optional(),
  /** A route template as listed, e.g. `/api/applications/:id`. */
  route: z.string().max(200).optional(),
  status: z.coerce
    .number()
    .int()
    .refine((s) => s === 403 || s === 404, 'only 403 and 404 are recorded')
    .optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SecurityEventsQuery = z.infer<typeof securityEventsQuery>;

export const securityEventView = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  status: z.number().int(),
  code: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  firstRequestId: z.string().nullable(),
  lastRequestId: z.string().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  count: z.number().int(),
});
export type SecurityEventView = z.infer<typeof securityEventView>;
export const securityEventList = z.object({ items: z.array(securityEventView), total: z.number().int() });
