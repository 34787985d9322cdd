import { useSearchParams } from 'react-router-dom';
import type { PlatformSummary } from '../../api/types.js';
import { ttKeeperPlatforms, ttReportPlatforms } from '../../app/permissions.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { PlatformSelect } from '../../components/PlatformSelect.js';

export interface TtPlatform {
  platforms: PlatformSummary[];
  platformId: string | undefined;
  platform: PlatformSummary | undefined;
  choose(id: string): void;
  picker: React.ReactNode;
}

/**
 * The platform a tech-transfer page works on: one where the user keeps the records ('keep') or reads the
 * reports ('report'); system admins choose any. Kept in ?platform= so a page can be linked to.
 */
export function useTtPlatform(purpose: 'keep' | 'report'): TtPlatform {
  const { user } = useSignedIn();
  const { list } = usePlatforms();
  const [params, setParams] = useSearchParams();
  const allowed = user.isSystemAdmin
    ? list
    : list.filter((p) =>
        (purpose === 'keep' ? ttKeeperPlatforms(user) : ttReportPlatforms(user)).includes(p.id),
      );
  const asked = params.get('platform');
  const platform =
    allowed.find((p) => p.id === asked) ??
    allowed.find((p) => ttKeeperPlatforms(user).includes(p.id)) ??
    allowed.find((p) => p.code.toLowerCase() === 'nist') ??
    allowed[0];
  const choose = (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('platform', id);
      return next;
    });
  return {
    platforms: allowed,
    platformId: platform?.id,
    platform,
    choose,
    picker:
      allowed.length > 1 ? (
        <PlatformSelect platforms={allowed} value={platform?.id} onChange={choose} />
      ) : null,
  };
}
