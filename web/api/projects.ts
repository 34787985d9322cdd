// Projects (issue 4: intramural registration; extramural ones arrive from decided calls later).
import type { z } from 'zod';
import type {
  projectList,
  projectsQuery,
  projectView,
  registerProjectBody,
} from '../../server/modules/projects/projects.schema.js';
import { request } from './client.js';

export type ProjectView = z.infer<typeof projectView>;
export type ProjectList = z.infer<typeof projectList>;
export type ProjectsQuery = Partial<z.input<typeof projectsQuery>>;
export type RegisterProjectBody = z.input<typeof registerProjectBody>;

const enc = encodeURIComponent;

export const projectsApi = {
  list: (platformId: string, q: ProjectsQuery) =>
    request<ProjectList>('GET', `/api/platforms/${enc(platformId)}/projects`, {
      query: q as Record<string, string | number>,
    }),
  register: (platformId: string, body: RegisterProjectBody) =>
    request<ProjectView>('POST', `/api/platforms/${enc(platformId)}/projects`, { body }),
  get: (id: string) => request<ProjectView>('GET', `/api/projects/${enc(id)}`),
};
