// Reviewer assignment runs, pins/forbids and seats (issue 5): shapes are the server's zod schemas.
import type { z } from 'zod';
import type { AssignmentMode } from '../../common/review.js';
import type { ruleSetList } from '../../server/modules/review/conflicts/conflicts.schema.js';
import type { expertList } from '../../server/modules/review/experts/experts.schema.js';
import type {
  myReviewList,
  myReviewView,
  overrideList,
  overrideView,
  replayView,
  reviewCallList,
  reviewSettingsView,
  runList,
  runView,
  seatList,
  updateReviewSettingsBody,
} from '../../server/modules/review/runs/runs.schema.js';
import { type DownloadedFile, download, request } from './client.js';

export type ReviewSettings = z.infer<typeof reviewSettingsView>;
export type UpdateReviewSettings = z.input<typeof updateReviewSettingsBody>;
export type RunSummary = z.infer<typeof runList>['items'][number];
export type RunView = z.infer<typeof runView>;
export type RunPair = RunView['assignments'][number];
export type ReplayView = z.infer<typeof replayView>;
export type OverrideView = z.infer<typeof overrideView>;
export type SeatList = z.infer<typeof seatList>;
export type Seat = SeatList['items'][number];
export type MyReview = z.infer<typeof myReviewView>;
export type ReviewCall = z.infer<typeof reviewCallList>['items'][number];

const enc = encodeURIComponent;
const call = (id: string) => `/api/calls/${enc(id)}`;

export const reviewRunsApi = {
  calls: () => request<z.infer<typeof reviewCallList>>('GET', '/api/review/calls'),
  /** Conflict rule sets a call of the platform may use (the presets and the platform's own). */
  ruleSets: (platformId: string) =>
    request<z.infer<typeof ruleSetList>>('GET', '/api/conflict-rule-sets', { query: { platformId } }),
  settings: (callId: string) => request<ReviewSettings>('GET', `${call(callId)}/review-settings`),
  saveSettings: (callId: string, body: UpdateReviewSettings) =>
    request<ReviewSettings>('PUT', `${call(callId)}/review-settings`, { body }),
  runs: (callId: string) => request<z.infer<typeof runList>>('GET', `${call(callId)}/assignment-runs`),
  run: (callId: string, runId: string) =>
    request<RunView>('GET', `${call(callId)}/assignment-runs/${enc(runId)}`),
  createRun: (callId: string, mode: AssignmentMode, seed?: number) =>
    request<RunView>('POST', `${call(callId)}/assignment-runs`, {
      body: seed === undefined ? { mode } : { mode, seed },
    }),
  replay: (callId: string, runId: string) =>
    request<ReplayView>('POST', `${call(callId)}/assignment-runs/${enc(runId)}/replay`),
  publish: (callId: string, runId: string) =>
    request<RunView>('POST', `${call(callId)}/assignment-runs/${enc(runId)}/publish`),
  instance: (callId: string, runId: string): Promise<DownloadedFile> =>
    download(`${call(callId)}/assignment-runs/${enc(runId)}/instance`),
  /** The 专家抽取结果表 of a run as a PDF (server/modules/review/runs/runs.print.ts). */
  record: (callId: string, runId: string, q: { lang: string; tz: string }): Promise<DownloadedFile> =>
    download(`${call(callId)}/assignment-runs/${enc(runId)}/record.pdf`, q),
  overrides: (callId: string) =>
    request<z.infer<typeof overrideList>>('GET', `${call(callId)}/assignment-overrides`),
  addOverride: (
    callId: string,
    body: { applicationId: string; expertId: string; kind: 'pin' | 'forbid'; reason: string },
  ) => request<OverrideView>('POST', `${call(callId)}/assignment-overrides`, { body }),
  removeOverride: (callId: string, overrideId: string) =>
    request<null>('DELETE', `${call(callId)}/assignment-overrides/${enc(overrideId)}`),
  seats: (callId: string) => request<SeatList>('GET', `${call(callId)}/seats`),
  refill: (callId: string) => request<RunView>('POST', `${call(callId)}/refill`),
  myReviews: () => request<z.infer<typeof myReviewList>>('GET', '/api/my-reviews'),
  accept: (id: string) => request<MyReview>('POST', `/api/review-assignments/${enc(id)}/accept`),
  /** Experts by name or expertise, to pin or forbid (the expert database's list). */
  searchExperts: (q: string | undefined) =>
    request<z.infer<typeof expertList>>('GET', '/api/experts', { query: { q, limit: 50, active: 'true' } }),
  decline: (id: string, reason: string) =>
    request<MyReview>('POST', `/api/review-assignments/${enc(id)}/decline`, { body: { reason } }),
};
