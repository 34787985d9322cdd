// A project's execution (issue 13): 任务书, spending, 预算调剂, milestones and reports due. Shapes are the
// server's zod schemas (type-only).
import type { z } from 'zod';
import type {
  adjustmentBody,
  adjustmentDecisionBody,
  adjustmentList,
} from '../../server/modules/projects/projects.adjustments.schema.js';
import type { agreementView } from '../../server/modules/projects/projects.agreement.schema.js';
import type {
  milestoneDecisionBody,
  milestoneList,
  milestoneSubmissionBody,
} from '../../server/modules/projects/projects.milestones.schema.js';
import type {
  OutputChoices,
  OutputChoicesQuery,
  outputLinkBody,
  projectOutputs,
} from '../../server/modules/projects/projects.outputs.schema.js';
import type {
  lastReminderRunView,
  reminderSettingsBody,
  reminderSettingsView,
} from '../../server/modules/projects/projects.reminders.schema.js';
import type {
  projectReports,
  reportSubmissionBody,
  reportsDueList,
  reportsDueQuery,
} from '../../server/modules/projects/projects.reports.schema.js';
import type { spendingBody, spendingView } from '../../server/modules/projects/projects.spending.schema.js';
import { request } from './client.js';

export type AgreementView = z.infer<typeof agreementView>;
export type SpendingView = z.infer<typeof spendingView>;
export type AdjustmentList = z.infer<typeof adjustmentList>;
export type AdjustmentView = AdjustmentList['items'][number];
export type MilestoneList = z.infer<typeof milestoneList>;
export type MilestoneView = MilestoneList['items'][number];
export type ProjectReports = z.infer<typeof projectReports>;
export type ReportsDueList = z.infer<typeof reportsDueList>;
export type ProjectOutputs = z.infer<typeof projectOutputs>;
export type LastReminderRun = z.infer<typeof lastReminderRunView>;
export type ReminderSettingsView = z.infer<typeof reminderSettingsView>;
export type ReminderSettingsInput = z.input<typeof reminderSettingsBody>;

const enc = encodeURIComponent;
const at = (id: string, rest = '') => `/api/projects/${enc(id)}${rest}`;

export const projectExecutionApi = {
  agreement: (id: string) => request<AgreementView>('GET', at(id, '/agreement')),
  spending: (id: string) => request<SpendingView>('GET', at(id, '/spending')),
  spend: (id: string, body: z.input<typeof spendingBody>) =>
    request<unknown>('POST', at(id, '/spending'), { body }),
  adjustments: (id: string) => request<AdjustmentList>('GET', at(id, '/adjustments')),
  requestAdjustment: (id: string, body: z.input<typeof adjustmentBody>) =>
    request<AdjustmentView>('POST', at(id, '/adjustments'), { body }),
  decideAdjustment: (id: string, adjustmentId: string, body: z.input<typeof adjustmentDecisionBody>) =>
    request<AdjustmentView>('POST', at(id, `/adjustments/${enc(adjustmentId)}/decision`), { body }),
  milestones: (id: string) => request<MilestoneList>('GET', at(id, '/milestones')),
  submitMilestone: (id: string, body: z.input<typeof milestoneSubmissionBody>) =>
    request<unknown>('POST', at(id, '/milestones/submission'), { body }),
  decideMilestone: (id: string, body: z.input<typeof milestoneDecisionBody>) =>
    request<unknown>('POST', at(id, '/milestones/decision'), { body }),
  outputs: (id: string) => request<ProjectOutputs>('GET', at(id, '/outputs')),
  outputChoices: (id: string, query: Partial<OutputChoicesQuery> & Pick<OutputChoicesQuery, 'type'>) =>
    request<OutputChoices>('GET', at(id, '/output-choices'), { query }),
  linkOutput: (id: string, body: z.input<typeof outputLinkBody>) =>
    request<unknown>('POST', at(id, '/outputs'), { body }),
  unlinkOutput: (id: string, linkId: string) => request<unknown>('DELETE', at(id, `/outputs/${enc(linkId)}`)),
  reports: (id: string) => request<ProjectReports>('GET', at(id, '/reports')),
  submitReport: (id: string, body: z.input<typeof reportSubmissionBody>) =>
    request<unknown>('POST', at(id, '/reports'), { body }),
  reportsDue: (platformId: string, q: Partial<z.input<typeof reportsDueQuery>> = {}) =>
    request<ReportsDueList>('GET', `/api/platforms/${enc(platformId)}/reports-due`, {
      query: q as Record<string, string>,
    }),
  reminderSettings: (platformId: string) =>
    request<ReminderSettingsView>('GET', `/api/platforms/${enc(platformId)}/report-reminders`),
  saveReminderSettings: (platformId: string, body: ReminderSettingsInput) =>
    request<ReminderSettingsView>('PUT', `/api/platforms/${enc(platformId)}/report-reminders`, { body }),
  lastReminderRun: (platformId: string) =>
    request<LastReminderRun>('GET', `/api/platforms/${enc(platformId)}/report-reminders/last-run`),
};
