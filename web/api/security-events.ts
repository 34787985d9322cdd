import type { z } from 'zod';
import type {
  securityEventList,
  securityEventView,
} from '../../server/modules/audit/security-events.schema.js';
import { request } from './client.js';

export type SecurityEvent = z.infer<typeof securityEventView>;

/** Refused requests (server/modules/audit/audit.routes.ts). */
export const securityEventsApi = {
  list: (query: { status?: number; route?: string; limit: number; offset: number }) =>
    request<z.infer<typeof securityEventList>>('GET', '/api/security-events', { query }),
};
