import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../http/context.js';
import { newChallenge } from '../modules/auth/challenge.service.js';

type Challenge = Awaited<ReturnType<typeof newChallenge>>;

/** Solves a challenge as the ALTCHA widget does; returns the widget's base64 payload (`challenge` in a body). */
async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge: no solution');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A challenge from `GET /api/auth/challenge` (as a client gets it), solved. */
export async function solvedChallenge(app: FastifyInstance, ip = '127.0.0.1'): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/auth/challenge', remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode}`);
  return solve(res.json());
}

/** A challenge of the deployment made directly (for tables of cases that hold no app), solved. */
export const solvedChallengeOf = async (ctx: Pick<Ctx, 'clock' | 'config'>) => solve(await newChallenge(ctx));
