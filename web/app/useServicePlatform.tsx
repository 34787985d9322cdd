import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../common/roles.js';
import type { PlatformSummary } from '../api/types.js';
import { PlatformSelect } from '../components/PlatformSelect.js';
import { usePlatforms } from './platforms.js';
import { useSignedIn } from './session.js';

export interface ServicePlatform {
  platformId: string | undefined;
  platform: PlatformSummary | undefined;
  picker: ReactNode;
}

/**
 * The platform a services page works on: one where the user holds one of `roles` (system admins choose
 * any), kept in ?platform= so the page can be linked to; NIST first in the demo when nothing is chosen.
 */
export function useServicePlatform(roles: readonly Role[]): ServicePlatform {
  const { user } = useSignedIn();
  const { list } = usePlatforms();
  const [params, setParams] = useSearchParams();
  const mine = new Set(user.roles.filter((r) => roles.includes(r.role)).map((r) => r.platformId));
  const allowed = user.isSystemAdmin ? list : list.filter((p) => mine.has(p.id));
  const asked = params.get('platform');
  const platform =
    allowed.find((p) => p.id === asked) ??
    allowed.find((p) => mine.has(p.id)) ??
    allowed.find((p) => p.code.toLowerCase() === 'nist') ??
    allowed[0];
  const choose = (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('platform', id);
      return next;
    });
  return {
    platformId: platform?.id,
    platform,
    picker:
      allowed.length > 1 ? (
        <PlatformSelect platforms={allowed} value={platform?.id} onChange={choose} />
      ) : null,
  };
}

/** Who keeps a unit's catalog and works its queue (the server checks the unit's directorship). */
export const UNIT_ROLES: readonly Role[] = ['lab_director', 'platform_admin'];
