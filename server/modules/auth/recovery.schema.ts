import { z } from 'zod';

export const passwordResetRequestBody = z.strictObject({ email: z.email().max(200) });

export const passwordResetBody = z.strictObject({
  /** The token of the e-mailed link (the part after '#'). */
  token: z.string().min(20).max(200),
  newPassword: z.string().min(1).max(256),
});

export const passwordReset = z.object({ endedSessions: z.number().int(), revokedTokens: z.number().int() });

/** ALTCHA's challenge as the widget fetches it (altcha-lib v2). */
export const signInChallenge = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number(),
    keyLength: z.number(),
    keyPrefix: z.string(),
    keySignature: z.string().optional(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  }),
  signature: z.string(),
});
