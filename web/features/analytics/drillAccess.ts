import type { Role } from '../../../common/roles.js';
import type { SessionUser } from '../../api/types.js';

/**
 * Whether the user may open the list a figure drills into, for that platform: the lists of
 * applications, service requests, IP and agreements are their keepers' pages, narrower than who reads
 * the analytics (a supervisor reads the figures but screens no application). Without that, the figure
 * would link to a page the router refuses or to a list holding fewer records than the figure.
 */
export function mayOpenDrill(path: string, user: SessionUser, platformId: string): boolean {
  if (user.isSystemAdmin) return true;
  const holds = (...roles: Role[]) =>
    user.roles.some((r) => r.platformId === platformId && roles.includes(r.role));
  switch (path) {
    case '/screening':
      return holds('platform_admin', 'program_officer');
    case '/services/queue':
      return holds('platform_admin');
    case '/techtransfer/ip':
    case '/techtransfer/agreements':
      return holds('platform_admin', 'tech_transfer_officer');
    default:
      // Calls, projects and results: pages every analytics reader opens (each list keeps to its reach).
      return true;
  }
}
