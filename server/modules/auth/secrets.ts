import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Opaque bearer values: only their keyed hash is stored, so a database copy does not open sessions. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sessionKey = (secret: string, token: string) =>
  createHmac('sha256', secret).update(token).digest('hex');
export const API_TOKEN_PREFIX = 'clt_';
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
