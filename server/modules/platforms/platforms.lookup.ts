import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  allPlatforms,
  countPlatforms,
  findPlatform,
  fundingEntries,
  platformIdByCodeIgnoringCase,
  platformIds,
  platformNameRows,
} from './platforms.repository.js';
import { toProfile } from './platforms.service.js';

/**
 * Reads of the platform registry for other modules (part of the service, docs/adr/0015), so that calls,
 * results, agreements and the review name neither this module's repository nor its table.
 */
export interface PlatformSummary {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Id, code and names of the given platforms, by id (one query for a page of records). */
export async function platformSummaries(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, PlatformSummary>> {
  return new Map((await platformNameRows(db, ids)).map((p) => [p.id, p]));
}

/** Every platform id of the deployment (a system admin may create records on any of them). */
export const allPlatformIds = (db: Kysely<DB>): Promise<string[]> => platformIds(db);

export const platformCount = (db: Kysely<DB>): Promise<number> => countPlatforms(db);

export async function platformExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await findPlatform(db, id)) !== undefined;
}

/** The id of the platform with this code, whatever its letter case. */
export const platformIdOfCode = (db: Kysely<DB>, code: string): Promise<string | undefined> =>
  platformIdByCodeIgnoringCase(db, code);

/** Every platform as its profile (the analytics cut by model, rating, region and fiscal year). */
export const allPlatformProfiles = async (db: Kysely<DB>) => (await allPlatforms(db)).map(toProfile);

/** Funding entries of one platform within [from, to] (the analytics' inputs). */
export const platformFundingBetween = (db: Kysely<DB>, platformId: string, from: number, to: number) =>
  fundingEntries(db, { platformId, from, to });
