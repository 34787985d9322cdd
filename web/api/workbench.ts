// The role workbench (issue 12 item 1): shapes are the server's zod schemas.
import type { z } from 'zod';
import type { workbenchView } from '../../server/modules/workbench/workbench.schema.js';
import { request } from './client.js';

export type Workbench = z.infer<typeof workbenchView>;
export type Todo = Workbench['todos'][number];
export type WorkbenchChart = Workbench['charts'][number];

export const workbenchApi = {
  get: () => request<Workbench>('GET', '/api/workbench'),
};
