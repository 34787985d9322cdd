import { z } from 'zod';
import { totpCode } from './mfa.schema.js';

export const ownSession = z.object({
  id: z.uuid(),
  /** The browser and system in words ("Firefox 133 · Windows"), null when the header said nothing. */
  device: z.string().nullable(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof ownSession>;
export const ownSessionList = z.object({ items: z.array(ownSession) });
export const sessionRefParams = z.strictObject({ id: z.uuid() });
export const endedSessions = z.object({ ended: z.number().int() });

export const changeEmailBody = z.strictObject({
  email: z.email().max(200).nullable(),
  /** The current password, or … */
  password: z.string().min(1).max(256).optional(),
  /** … a current code of the second factor. */
  code: totpCode.optional(),
});
export const emailChanged = z.object({ email: z.string().nullable() });
