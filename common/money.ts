import { z } from 'zod';

/** An amount in integer minor units (cents, fen) of an ISO 4217 currency, as responses carry it. */
export const money = z.object({ amountMinor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof money>;
