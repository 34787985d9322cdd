// Project checks (中期检查 / 结题验收) and 绩效评价 (issue 13): shapes are the server's zod schemas (type-only).
import type { z } from 'zod';
import type {
  evaluationBody,
  evaluationView,
} from '../../server/modules/projects/checks/checks.evaluation.schema.js';
import type {
  financialReviewBody,
  taskReviewBody,
} from '../../server/modules/projects/checks/checks.reviews.schema.js';
import type {
  checkRunBody,
  checkRunView,
  myCheckInvitations,
} from '../../server/modules/projects/checks/checks.runs.schema.js';
import type {
  adoptCheckBody,
  checkList,
  checkReportBody,
  checkScorecardView,
  checkView,
  myCheckScorecards,
  openCheckBody,
  scorecardBody,
} from '../../server/modules/projects/checks/checks.schema.js';
import type { agreementView } from '../../server/modules/projects/projects.agreement.schema.js';
import { request } from './client.js';

export type CheckView = z.infer<typeof checkView>;
export type CheckList = z.infer<typeof checkList>;
export type CheckScorecardView = z.infer<typeof checkScorecardView>;
export type MyCheckScorecards = z.infer<typeof myCheckScorecards>;
export type MyCheckInvitations = z.infer<typeof myCheckInvitations>;
export type EvaluationView = z.infer<typeof evaluationView>;
export type AgreementView = z.infer<typeof agreementView>;
export type CheckRunView = z.infer<typeof checkRunView>;

const enc = encodeURIComponent;

export const projectChecksApi = {
  list: (projectId: string) => request<CheckList>('GET', `/api/projects/${enc(projectId)}/checks`),
  open: (projectId: string, body: z.input<typeof openCheckBody>) =>
    request<CheckView>('POST', `/api/projects/${enc(projectId)}/checks`, { body }),
  agreement: (projectId: string) =>
    request<AgreementView>('GET', `/api/projects/${enc(projectId)}/agreement`),
  report: (checkId: string, body: z.input<typeof checkReportBody>) =>
    request<CheckView>('POST', `/api/project-checks/${enc(checkId)}/report`, { body }),
  assign: (checkId: string, body: { expertId: string; chair?: boolean }) =>
    request<CheckView>('POST', `/api/project-checks/${enc(checkId)}/experts`, { body }),
  run: (body: z.input<typeof checkRunBody>) =>
    request<CheckRunView>('POST', '/api/project-check-runs', { body }),
  refill: (checkId: string) =>
    request<CheckRunView>('POST', `/api/project-checks/${enc(checkId)}/refill`, { body: {} }),
  answer: (checkId: string, body: { answer: 'accept' | 'decline'; reason?: string }) =>
    request<unknown>('POST', `/api/project-checks/${enc(checkId)}/invitation`, { body }),
  adopt: (checkId: string, body: z.input<typeof adoptCheckBody>) =>
    request<CheckView>('POST', `/api/project-checks/${enc(checkId)}/adopt`, { body }),
  taskReview: (checkId: string, body: z.input<typeof taskReviewBody>) =>
    request<CheckView>('POST', `/api/project-checks/${enc(checkId)}/task-review`, { body }),
  financialReview: (checkId: string, body: z.input<typeof financialReviewBody>) =>
    request<CheckView>('POST', `/api/project-checks/${enc(checkId)}/financial-review`, { body }),
  mine: () => request<MyCheckScorecards>('GET', '/api/my-project-check-scorecards'),
  myInvitations: () => request<MyCheckInvitations>('GET', '/api/my-project-check-invitations'),
  scorecard: (id: string) => request<CheckScorecardView>('GET', `/api/project-check-scorecards/${enc(id)}`),
  submitScorecard: (id: string, body: z.input<typeof scorecardBody>) =>
    request<CheckScorecardView>('POST', `/api/project-check-scorecards/${enc(id)}/submit`, { body }),
  evaluation: (projectId: string) =>
    request<EvaluationView>('GET', `/api/projects/${enc(projectId)}/evaluation`),
  evaluate: (projectId: string, body: z.input<typeof evaluationBody>) =>
    request<EvaluationView>('POST', `/api/projects/${enc(projectId)}/evaluation`, { body }),
};
