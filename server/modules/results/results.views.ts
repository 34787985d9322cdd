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
import { listColumn, type ResultRow, resultFieldLinks } from './results.repository.js';
import type { PublicResultView, ResultView } from './results.schema.js';

export const trlOf = (level: number | null) =>
  level === null ? null : { level, ...TRL_DEFINITIONS[level as TrlLevel] };

/** Platforms, units and fields of the given rows, loaded once for a page of results. */
async function context(db: Kysely<DB>, rows: ResultRow[]) {
  const ids = rows.map((r) => r.id);
  const platforms = await platformSummaries(
    db,
    rows.map((r) => r.platform_id),
  );
  const units = await unitNames(
    db,
    rows.map((r) => r.unit_id).filter((u): u is string => !!u),
  );
  const links = await resultFieldLinks(db, ids);
  const fields = await fieldSummaries(
    db,
    links.map((l) => l.fieldId),
  );
  return { platforms, units, links, fields };
}

/** The public shape of each row, in the rows' order (the caller decides which rows may be shown). */
export async function publicViews(db: Kysely<DB>, rows: ResultRow[]): Promise<PublicResultView[]> {
  if (rows.length === 0) return [];
  const c = await context(db, rows);
  return rows.map((r) => {
    const u = r.unit_id ? c.units.get(r.unit_id) : undefined;
    const fieldIds = new Set(c.links.filter((l) => l.resultId === r.id).map((l) => l.fieldId));
    return {
      id: r.id,
      type: r.type as ResultType,
      platform: c.platforms.get(r.platform_id)!,
      unit: u ? { id: u.id, nameZh: u.nameZh, nameEn: u.nameEn } : null,
      fields: [...c.fields.values()].filter((f) => fieldIds.has(f.id)),
      titleZh: r.title_zh,
      titleEn: r.title_en,
      summaryZh: r.summary_zh,
      summaryEn: r.summary_en,
      trl: trlOf(r.trl),
      year: r.year,
      identifier: r.identifier,
      url: r.url,
      authors: r.authors,
      problemZh: r.problem_zh,
      problemEn: r.problem_en,
      advantageZh: r.advantage_zh,
      advantageEn: r.advantage_en,
      economicsZh: r.economics_zh,
      economicsEn: r.economics_en,
      applicationsZh: r.applications_zh,
      applicationsEn: r.applications_en,
      ipStatusZh: r.ip_status_zh,
      ipStatusEn: r.ip_status_en,
      licenceTypes: listColumn<LicenceExclusivity>(r.licence_types),
      licenceKinds: listColumn<LicenceKind>(r.licence_kinds),
      isIllustrative: flag(r.is_illustrative),
      publishedAt: r.published_at,
    };
  });
}

/** The staff shape: the public one plus state, visibility and what the caller may do with it. */
export async function staffViews(db: Kysely<DB>, actor: Actor, rows: ResultRow[]): Promise<ResultView[]> {
  const pub = await publicViews(db, rows);
  return rows.map((r, i) => {
    const res = { platformId: r.platform_id, state: r.state, createdBy: r.created_by };
    return {
      ...pub[i]!,
      visibility: r.visibility as ResultView['visibility'],
      state: r.state as ResultView['state'],
      withdrawnAt: r.withdrawn_at,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      access: {
        canEdit: can(actor, 'results.draft', res) || can(actor, 'results.manage', res),
        canPublish: can(actor, 'results.manage', res),
      },
    };
  });
}
