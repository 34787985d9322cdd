// The committee's evaluation of units (issue 13; docs/lab-evaluation.md). Shapes are the server's zod
// schemas (type-only imports: no zod code reaches the browser).
import type { z } from 'zod';
import type {
  AdoptInput,
  EditRoundInput,
  myScorecards,
  openRoundBody,
  RoundDetail,
  roundList,
  ScorecardInput,
  ScorecardView,
  UnitHistory,
} from '../../server/modules/lab-evaluations/lab-evaluations.schema.js';
import { request } from './client.js';

export type { RoundDetail, ScorecardView, UnitHistory };
export type MyScorecards = z.infer<typeof myScorecards>;
export type RoundList = z.infer<typeof roundList>;

const enc = encodeURIComponent;
export const labEvaluationsApi = {
  rounds: (platformId: string) =>
    request<RoundList>('GET', `/api/platforms/${enc(platformId)}/lab-evaluations`),
  round: (id: string) => request<RoundDetail>('GET', `/api/lab-evaluations/${enc(id)}`),
  adopt: (id: string, body: AdoptInput) =>
    request<RoundDetail>('POST', `/api/lab-evaluations/${enc(id)}/adopt`, { body }),
  open: (platformId: string, body: z.input<typeof openRoundBody>) =>
    request<RoundDetail>('POST', `/api/platforms/${enc(platformId)}/lab-evaluations`, { body }),
  edit: (id: string, body: EditRoundInput) =>
    request<RoundDetail>('PATCH', `/api/lab-evaluations/${enc(id)}`, { body }),
  assign: (id: string, body: { unitId: string; memberId: string }) =>
    request<RoundDetail>('POST', `/api/lab-evaluations/${enc(id)}/assignments`, { body }),
  removeMember: (id: string, memberId: string) =>
    request<RoundDetail>('DELETE', `/api/lab-evaluations/${enc(id)}/members/${enc(memberId)}`),
  mine: () => request<MyScorecards>('GET', '/api/my-lab-evaluations'),
  scorecard: (id: string) => request<ScorecardView>('GET', `/api/lab-evaluation-scorecards/${enc(id)}`),
  submit: (id: string, body: ScorecardInput) =>
    request<ScorecardView>('POST', `/api/lab-evaluation-scorecards/${enc(id)}/submit`, { body }),
  unitHistory: (unitId: string) => request<UnitHistory>('GET', `/api/units/${enc(unitId)}/lab-evaluations`),
};
