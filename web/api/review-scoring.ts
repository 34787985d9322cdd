// Scorecards and the panel (issue 5): shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { ReviewThresholds } from '../../common/review-thresholds.js';
import type {
  consensusView,
  panelReviewBody,
  panelView,
  scorecardBody,
  scorecardView,
} from '../../server/modules/review/scoring/scoring.schema.js';
import { download, request } from './client.js';

export type ScorecardView = z.infer<typeof scorecardView>;
export type ScorecardBody = z.input<typeof scorecardBody>;
export type PanelView = z.infer<typeof panelView>;
export type PanelApplication = PanelView['applications'][number];
export type PanelReview = PanelApplication['reviews'][number];
export type PanelReviewBody = z.input<typeof panelReviewBody>;
export type ConsensusView = z.infer<typeof consensusView>;

const enc = encodeURIComponent;
const seat = (id: string) => `/api/review-assignments/${enc(id)}`;

export const scoringApi = {
  /** The expert's scorecard of an accepted seat, with the application as submitted. */
  scorecard: (assignmentId: string) => request<ScorecardView>('GET', `${seat(assignmentId)}/scorecard`),
  /** An attachment of the application as submitted. */
  file: (assignmentId: string, attachmentId: string) =>
    download(`${seat(assignmentId)}/files/${enc(attachmentId)}`),
  declare: (assignmentId: string) =>
    request<ScorecardView>('POST', `${seat(assignmentId)}/declaration`, { body: { noConflict: true } }),
  saveDraft: (assignmentId: string, body: ScorecardBody) =>
    request<ScorecardView>('PUT', `${seat(assignmentId)}/scorecard`, { body }),
  submit: (assignmentId: string, body: ScorecardBody) =>
    request<ScorecardView>('POST', `${seat(assignmentId)}/submit`, { body }),
  /** The panel of a call (officers). */
  panel: (callId: string) => request<PanelView>('GET', `/api/calls/${enc(callId)}/panel`),
  panelFile: (callId: string) => download(`/api/calls/${enc(callId)}/panel.xlsx`),
  /** The panel summary as a printable PDF, seats by label (server/modules/review/scoring/panel.print.ts). */
  panelPdf: (callId: string, q: { lang: string; tz: string }) =>
    download(`/api/calls/${enc(callId)}/panel.pdf`, q),
  setThresholds: (callId: string, body: ReviewThresholds) =>
    request<PanelView>('PUT', `/api/calls/${enc(callId)}/panel-thresholds`, { body }),
  recordConsensus: (applicationId: string, body: PanelReviewBody) =>
    request<ConsensusView>('PUT', `/api/applications/${enc(applicationId)}/panel-review`, { body }),
};
