// Funding decisions (issue 5): shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  decisionConstraints,
  decisionList,
  decisionView,
  overrideBody,
} from '../../server/modules/review/decisions/decisions.schema.js';
import { request } from './client.js';

export type DecisionView = z.infer<typeof decisionView>;
export type DecisionItem = DecisionView['items'][number];
export type DecisionList = z.infer<typeof decisionList>;
export type DecisionConstraints = z.input<typeof decisionConstraints>;
export type OverrideBody = z.input<typeof overrideBody>;

const enc = encodeURIComponent;
const base = (callId: string) => `/api/calls/${enc(callId)}/decisions`;

export const decisionsApi = {
  /** Decisions of a call, newest first (officers). */
  list: (callId: string) => request<DecisionList>('GET', base(callId)),
  get: (callId: string, decisionId: string) =>
    request<DecisionView>('GET', `${base(callId)}/${enc(decisionId)}`),
  /** Computes a draft: the exact optimal selection within the budget under the constraints. */
  compute: (callId: string, constraints: DecisionConstraints) =>
    request<DecisionView>('POST', base(callId), { body: { constraints } }),
  override: (callId: string, decisionId: string, applicationId: string, body: OverrideBody) =>
    request<DecisionView>('PATCH', `${base(callId)}/${enc(decisionId)}/items/${enc(applicationId)}`, {
      body,
    }),
  finalise: (callId: string, decisionId: string) =>
    request<DecisionView>('POST', `${base(callId)}/${enc(decisionId)}/finalise`, { body: {} }),
};
