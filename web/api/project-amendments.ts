// Amendments (变更) of a frozen 任务书 and its versions (issue 13, docs/adr/0041). Shapes are the server's
// zod schemas (type-only).
import type { z } from 'zod';
import type {
  agreementVersionList,
  amendmentBody,
  amendmentDecisionBody,
  amendmentList,
} from '../../server/modules/projects/projects.amendments.schema.js';
import { request } from './client.js';

export type AmendmentList = z.infer<typeof amendmentList>;
export type AmendmentView = AmendmentList['items'][number];
export type AmendmentInput = z.input<typeof amendmentBody>;
export type AgreementChange = AmendmentView['diff'][number];
export type AgreementVersionList = z.infer<typeof agreementVersionList>;
export type AgreementVersion = AgreementVersionList['items'][number];

const at = (id: string, rest = '') => `/api/projects/${encodeURIComponent(id)}${rest}`;

export const projectAmendmentsApi = {
  list: (id: string) => request<AmendmentList>('GET', at(id, '/amendments')),
  versions: (id: string) => request<AgreementVersionList>('GET', at(id, '/agreement/versions')),
  propose: (id: string, body: AmendmentInput) =>
    request<AmendmentView>('POST', at(id, '/amendments'), { body }),
  decide: (id: string, amendmentId: string, body: z.input<typeof amendmentDecisionBody>) =>
    request<AmendmentView>('POST', at(id, `/amendments/${encodeURIComponent(amendmentId)}/decision`), {
      body,
    }),
  withdraw: (id: string, amendmentId: string) =>
    request<AmendmentView>('POST', at(id, `/amendments/${encodeURIComponent(amendmentId)}/withdraw`), {
      body: {},
    }),
};
