// Conflicts of interest 回避 (issue 5): shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  avoidRequestList,
  avoidRequestView,
  callConflictsView,
  createAvoidRequestBody,
  createRuleSetBody,
  explainView,
  ruleSetList,
  ruleSetView,
} from '../../server/modules/review/conflicts/conflicts.schema.js';
import { request } from './client.js';

export type CallConflicts = z.infer<typeof callConflictsView>;
export type ConflictItem = CallConflicts['items'][number];
export type ExplainPair = z.infer<typeof explainView>;
export type RuleSet = z.infer<typeof ruleSetView>;
export type CreateRuleSet = z.input<typeof createRuleSetBody>;
export type AvoidRequestList = z.infer<typeof avoidRequestList>;
export type AvoidRequest = z.infer<typeof avoidRequestView>;
export type CreateAvoidRequest = z.input<typeof createAvoidRequestBody>;

const enc = encodeURIComponent;

export const conflictsApi = {
  /** Stored exclusions of a call with evidence and counts per rule (the call's officers). */
  ofCall: (callId: string) => request<CallConflicts>('GET', `/api/calls/${enc(callId)}/conflicts`),
  refresh: (callId: string) =>
    request<CallConflicts>('POST', `/api/calls/${enc(callId)}/conflicts/refresh`, { body: {} }),
  explain: (callId: string, expertId: string, applicationId: string) =>
    request<ExplainPair>('GET', `/api/calls/${enc(callId)}/conflicts/explain`, {
      query: { expertId, applicationId },
    }),
  ruleSets: (platformId?: string) =>
    request<z.infer<typeof ruleSetList>>('GET', '/api/conflict-rule-sets', { query: { platformId } }),
  createRuleSet: (body: CreateRuleSet) => request<RuleSet>('POST', '/api/conflict-rule-sets', { body }),
  avoidRequests: (applicationId: string) =>
    request<AvoidRequestList>('GET', `/api/applications/${enc(applicationId)}/avoid-requests`),
  addAvoidRequest: (applicationId: string, body: CreateAvoidRequest) =>
    request<AvoidRequest>('POST', `/api/applications/${enc(applicationId)}/avoid-requests`, { body }),
  removeAvoidRequest: (applicationId: string, requestId: string) =>
    request<null>('DELETE', `/api/applications/${enc(applicationId)}/avoid-requests/${enc(requestId)}`),
};
