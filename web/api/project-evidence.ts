// Evidence files of a project's milestones, spending entries and reports (issue 13). Shapes are the server's zod
// schemas (type-only).
import type { z } from 'zod';
import type {
  evidenceList,
  evidenceUploadQuery,
} from '../../server/modules/projects/projects.evidence.schema.js';
import { request } from './client.js';

export type EvidenceList = z.infer<typeof evidenceList>;
export type EvidenceView = EvidenceList['items'][number];
export type EvidenceSubject = z.infer<typeof evidenceUploadQuery>['subject'];

const at = (id: string, rest = '') => `/api/projects/${encodeURIComponent(id)}/evidence${rest}`;

export const projectEvidenceApi = {
  list: (projectId: string) => request<EvidenceList>('GET', at(projectId)),
  upload: (projectId: string, subject: EvidenceSubject, ref: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<EvidenceView>('POST', at(projectId), { query: { subject, ref }, form });
  },
  /** Removes a file of a report still being written (the lead's side). */
  remove: (projectId: string, evidenceId: string) =>
    request<unknown>('DELETE', at(projectId, `/${encodeURIComponent(evidenceId)}`)),
  /** The file's address, for a plain link (signed in by the session cookie). */
  fileUrl: (projectId: string, evidenceId: string) => at(projectId, `/${encodeURIComponent(evidenceId)}`),
};
