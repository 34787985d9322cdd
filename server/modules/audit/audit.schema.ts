import { z } from 'zod';

export const auditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(64).optional(),
  platformId: z.uuid().optional(),
  /** Who did it: the acting user's id. */
  actorId: z.uuid().optional(),
  /** Who did it, by user name (also on the command line): what an auditor reads in the log and can type. */
  actor: z.string().trim().min(1).max(100).optional(),
  /** What was done: an exact action (`application.pass`). */
  action: z.string().max(80).optional(),
  /** When: entries at or after `from` and before `to` (ISO-8601 instants). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  platformId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

export const auditPage = z.object({ items: z.array(auditEntry), nextBeforeSeq: z.number().int().nullable() });

export const verifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string().optional(),
  brokenAtSeq: z.number().int().optional(),
  reason: z.string().optional(),
});
