import { z } from 'zod';

/** The answer of a batch action (server/http/batch.ts): one result per item, in the order given. */
export const batchResult = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      /** On failure: the HTTP status and stable code the single route would have answered. */
      status: z.number().int().nullable(),
      code: z.string().nullable(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BatchResult = z.infer<typeof batchResult>;

/** At most this many items per batch request: one page of a list. */
export const BATCH_MAX = 100;
export const batchIds = z.array(z.uuid()).min(1).max(BATCH_MAX);
