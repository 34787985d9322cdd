import type { Kysely } from 'kysely';
import type { LicenceExclusivity, LicenceKind, ResultType } from '../../../common/results.js';
import { TRL_DEFINITIONS, type TrlLevel } from '../../../common/trl.js';
import { flag } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/context.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { unitNames } from '../units/units.lookup.js';
import { can } from './results.policy.js';
import { listColumn, type Result, resultFieldLinks } from './results.repository.js';
import type { PublicResultView, ResultView } from './results.schema.js';

export const trlOf = (level: number | null) =>
  level === null ? null : { level, ...TRL_DEFINITIONS[level as TrlLevel] };

/** Platforms, units and fields of the given rows, loaded once for a page of results. */
async function context(db: Kysely<DB>, rows: Result[]) {
  const ids = rows.map((r) => r.id);
  const platforms = await platformSummaries(
    db,
    rows.map((r) => r.platformId),
  );
  const units = await unitNames(
    db,
    rows.map((r) => r.unitId).filter((u): u is string => !!u),
  );
  const links = await resultFieldLinks(db, ids);
  const fields = await fieldSummaries(
    db,
    links.map((l) => l.fieldId),
  );
  return { platforms, units, links, fields };
}

/** The public shape of each row, in the rows' order (the caller decides which rows may be shown). */
export async function publicViews(db: Kysely<DB>, rows: Result[]): Promise<PublicResultView[]> {
  if (rows.length === 0) return [];
  const c = await context(db, rows);
  return rows.map((r) => {
    const u = r.unitId ? c.units.get(r.unitId) : undefined;
    const fieldIds = new Set(c.links.filter((l) => l.resultId === r.id).map((l) => l.fieldId));
    return {
      id: r.id,
      type: r.type as ResultType,
      platform: c.platforms.get(r.platformId)!,
      unit: u ? { id: u.id, nameZh: u.nameZh, nameEn: u.nameEn } : null,
      fields: [...c.fields.values()].filter((f) => fieldIds.has(f.id)),
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      summaryZh: r.summaryZh,
      summaryEn: r.summaryEn,
      trl: trlOf(r.trl),
      year: r.year,
      identifier: r.identifier,
      url: r.url,
      authors: r.authors,
      problemZh: r.problemZh,
      problemEn: r.problemEn,
      advantageZh: r.advantageZh,
      advantageEn: r.advantageEn,
      economicsZh: r.economicsZh,
      economicsEn: r.economicsEn,
      applicationsZh: r.applicationsZh,
      applicationsEn: r.applicationsEn,
      ipStatusZh: r.ipStatusZh,
      ipStatusEn: r.ipStatusEn,
      licenceTypes: listColumn<LicenceExclusivity>(r.licenceTypes),
      licenceKinds: listColumn<LicenceKind>(r.licenceKinds),
      isIllustrative: flag(r.isIllustrative),
      publishedAt: r.publishedAt,
    };
  });
}

/** The staff shape: the public one plus state, visibility and what the caller may do with it. */
export async function staffViews(db: Kysely<DB>, actor: Actor, rows: Result[]): Promise<ResultView[]> {
  const pub = await publicViews(db, rows);
  return rows.map((r, i) => {
    const res = { platformId: r.platformId, state: r.state, createdBy: r.createdBy };
    return {
      ...pub[i]!,
      visibility: r.visibility as ResultView['visibility'],
      state: r.state as ResultView['state'],
      withdrawnAt: r.withdrawnAt,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      access: {
        canEdit: can(actor, 'results.draft', res) || can(actor, 'results.manage', res),
        canPublish: can(actor, 'results.manage', res),
      },
    };
  });
}
