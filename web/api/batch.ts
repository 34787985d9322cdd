// Batch actions of the lists (issue 12): one request, one result per selected row.
import type { z } from 'zod';
import type { BatchResult } from '../../common/batch.js';
import type { batchScreeningBody } from '../../server/modules/applications/applications.schema.js';
import type { batchDisableBody } from '../../server/modules/users/users.schema.js';
import { request } from './client.js';

export type { BatchResult };

export const batchApi = {
  /** 形式审查: pass or return the selected applications (a return needs its reason). */
  screen: (body: z.input<typeof batchScreeningBody>) =>
    request<BatchResult>('POST', '/api/applications/screening', { body }),
  /** Disable or enable the selected accounts (system admins). */
  disableUsers: (body: z.input<typeof batchDisableBody>) =>
    request<BatchResult>('POST', '/api/users/disabled', { body }),
  /** 批量重新邀请: invite again the experts of the selected seats whose invitations ran out (a call's officers). */
  reinviteSeats: (callId: string, seatIds: string[]) =>
    request<BatchResult>('POST', `/api/calls/${encodeURIComponent(callId)}/seats/reinvite`, {
      body: { seatIds },
    }),
};
