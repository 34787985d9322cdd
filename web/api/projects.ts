// Projects: intramural registration (issue 4), extramural ones from decided calls, states and timeline (issue 13).
import type { z } from 'zod';
import type {
  projectDetail,
  projectList,
  projectsQuery,
  projectTransitionBody,
  projectView,
  registerProjectBody,
} from '../../server/modules/projects/projects.schema.js';
import { request } from './client.js';

export type ProjectView = z.infer<typeof projectView>;
export type ProjectDetail = z.infer<typeof projectDetail>;
export type ProjectTransitionBody = z.input<typeof projectTransitionBody>;
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
  get: (id: string) => request<ProjectDetail>('GET', `/api/projects/${enc(id)}`),
  transition: (id: string, body: ProjectTransitionBody) =>
    request<ProjectDetail>('POST', `/api/projects/${enc(id)}/transitions`, { body }),
};
