import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  allPlatforms,
  type FundingEntry,
  fundingEntries,
  type Platform,
  platformFieldLinks,
} from './platforms.repository.js';

/** Every platform with its funding by year and source and its field ids: what the open-data projection reads. */
export async function platformsForOpenData(
  db: Kysely<DB>,
): Promise<Array<Platform & { funding: FundingEntry[]; fieldIds: string[] }>> {
  const [platforms, funding, links] = await Promise.all([
    allPlatforms(db),
    fundingEntries(db, {}),
    platformFieldLinks(db),
  ]);
  return platforms.map((p) => ({
    ...p,
    funding: funding.filter((f) => f.platformId === p.id),
    fieldIds: links
      .filter((l) => l.platformId === p.id)
      .map((l) => l.fieldId)
      .sort(),
  }));
}
