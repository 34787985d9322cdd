// The dashboards of services to enterprises (issue 14): shapes are the server's zod schemas.
import type { z } from 'zod';
import type { DashboardKind } from '../../common/service-dashboards.js';
import type { dashboardView } from '../../server/modules/service-dashboards/service-dashboards.schema.js';
import { request } from './client.js';

export type ServiceDashboard = z.infer<typeof dashboardView>;
export type DashboardChartData = ServiceDashboard['charts'][number];

export const serviceDashboardsApi = {
  get: (kind: DashboardKind, platformId: string) =>
    request<ServiceDashboard>(
      'GET',
      `/api/service-dashboards/${kind}?platformId=${encodeURIComponent(platformId)}`,
    ),
};
