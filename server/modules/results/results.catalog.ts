import { RESULT_TYPE_LABELS, RESULT_TYPES, type ResultType } from '../../../common/results.js';
import { type Ctx, platformIdsWithRole } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { fieldWithChildren } from '../fields/fields.lookup.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { writeCsv } from '../imports/sheet.js';
import { allPlatformIds, platformSummaries } from '../platforms/platforms.lookup.js';
import { unitNamesWithPlatform } from '../units/units.lookup.js';
import { CATALOG_DRAFTERS, CATALOG_MANAGERS, CATALOG_READERS } from './results.policy.js';
import {
  catalogCounts,
  type FacetCount,
  findPublishedPublicResult,
  resultsWhere,
  toResult,
} from './results.repository.js';
import type { PublicResultView, PublicSearchQuery, StaffListQuery } from './results.schema.js';
import {
  type ResolvedScope,
  type SearchScope,
  scopeConditions,
  searchResults,
} from './results.search.repository.js';
import { publicViews, staffViews } from './results.views.js';

const summaryOf = ({
  id,
  type,
  platform,
  unit,
  fields,
  titleZh,
  titleEn,
  summaryZh,
  summaryEn,
  trl,
  year,
  isIllustrative,
}: PublicResultView) => ({
  id,
  type,
  platform,
  unit,
  fields,
  titleZh,
  titleEn,
  summaryZh,
  summaryEn,
  trl,
  year,
  isIllustrative,
});

/** The scope with its field filter resolved to the field and its sub-fields (fields.lookup). */
const resolved = async (db: Ctx['db'], scope: SearchScope): Promise<ResolvedScope> => ({
  ...scope,
  fieldIds: scope.fieldId ? await fieldWithChildren(db, scope.fieldId) : undefined,
});

/** The portal's search: public, published results only, whoever asks. */
export async function publicSearch(ctx: Pick<Ctx, 'db'>, q: PublicSearchQuery) {
  const { page, pageSize, ...filters } = q;
  const found = await searchResults(
    ctx.db,
    await resolved(ctx.db, { ...filters, publicOnly: true }),
    { page, pageSize },
    'published',
  );
  const items = (await publicViews(ctx.db, found.rows.map(toResult))).map(summaryOf);
  return { items, total: found.total, page, pageSize, terms: found.terms };
}

/** A public, published result; anything else is "not found", never "forbidden". */
export async function publicResult(ctx: Pick<Ctx, 'db'>, id: string): Promise<PublicResultView> {
  const row = await findPublishedPublicResult(ctx.db, id);
  if (!row) throw notFound('results.not_found');
  return (await publicViews(ctx.db, [row]))[0]!;
}

/**
 * Each counted id with the names its owner gives (ids it no longer knows are left out), by English
 * name as the portal lists them; `extra` adds owner values the facet shows (a unit's platform).
 */
function named<N extends { nameZh: string; nameEn: string }, X extends object>(
  counts: FacetCount[],
  names: Map<string, N>,
  extra: (n: N) => X,
) {
  return counts
    .flatMap(({ id, count }) => {
      const n = names.get(id);
      return n ? [{ id, nameZh: n.nameZh, nameEn: n.nameEn, count, ...extra(n) }] : [];
    })
    .sort((a, b) => (a.nameEn < b.nameEn ? -1 : a.nameEn > b.nameEn ? 1 : 0));
}

/** The portal's filter options with counts, computed over public, published results only. */
export async function publicFilters(ctx: Pick<Ctx, 'db'>) {
  const f = await catalogCounts(ctx.db, scopeConditions({ publicOnly: true, fieldIds: undefined }));
  const ids = (c: FacetCount[]) => c.map((x) => x.id);
  const none = () => ({});
  return {
    total: f.total,
    types: RESULT_TYPES.map((type) => ({ type, count: f.byType.get(type) ?? 0 })).filter((t) => t.count > 0),
    platforms: named(f.platforms, await platformSummaries(ctx.db, ids(f.platforms)), none),
    units: named(f.units, await unitNamesWithPlatform(ctx.db, ids(f.units)), (u) => ({
      platformId: u.platformId,
    })),
    fields: named(f.fields, await fieldSummaries(ctx.db, ids(f.fields)), none),
  };
}

/** Platforms whose catalog the caller reads (undefined: all, for system admins). */
const readablePlatforms = (ctx: Ctx) =>
  ctx.actor?.isSystemAdmin ? undefined : platformIdsWithRole(ctx.actor, CATALOG_READERS);

/** The staff catalog: every result of the platforms the caller reads, drafts and internal ones included. */
export async function listResults(ctx: Ctx, q: StaffListQuery) {
  const { page, pageSize, ...filters } = q;
  const scope: SearchScope = { ...filters, publicOnly: false, platformIds: readablePlatforms(ctx) };
  const found = await searchResults(ctx.db, await resolved(ctx.db, scope), { page, pageSize }, 'updated');
  const views = await staffViews(ctx.db, ctx.actor, found.rows.map(toResult));
  const canCreateOn = ctx.actor?.isSystemAdmin
    ? await allPlatformIds(ctx.db)
    : platformIdsWithRole(ctx.actor, [...CATALOG_MANAGERS, ...CATALOG_DRAFTERS]);
  return {
    items: views.map((v) => ({
      ...summaryOf(v),
      visibility: v.visibility,
      state: v.state,
      updatedAt: v.updatedAt,
    })),
    total: found.total,
    page,
    pageSize,
    canCreateOn,
  };
}

const COLUMNS = [
  ['id', 'ID'],
  ['type', '类型'],
  ['platform', '平台'],
  ['unit', '单位'],
  ['titleZh', '中文标题'],
  ['titleEn', '英文标题'],
  ['summaryZh', '中文摘要'],
  ['summaryEn', '英文摘要'],
  ['fields', '技术领域'],
  ['trl', '技术就绪水平'],
  ['year', '年份'],
  ['identifier', '编号'],
  ['url', '链接'],
  ['licenceTypes', '许可方式'],
  ['visibility', '可见范围'],
  ['state', '状态'],
  ['publishedAt', '发布时间'],
] as const;

/**
 * The catalog the caller reads as CSV, each field as its code (staff only; the portal has no export).
 * The list's XLSX, with its filters, is results.export.ts.
 */
export async function exportResults(ctx: Ctx, q: { platformId?: string; lang: 'zh-CN' | 'en-US' }) {
  const scope: SearchScope = {
    publicOnly: false,
    platformIds: readablePlatforms(ctx),
    platformId: q.platformId,
  };
  const rows = await resultsWhere(ctx.db, scopeConditions({ ...scope, fieldIds: undefined }));
  const views = await staffViews(ctx.db, ctx.actor, rows);
  const zh = q.lang === 'zh-CN';
  const data = views.map((v) => {
    const rec: Record<(typeof COLUMNS)[number][0], string> = {
      id: v.id,
      type: zh ? v.type : RESULT_TYPE_LABELS[v.type as ResultType],
      platform: v.platform.code,
      unit: (zh ? v.unit?.nameZh : v.unit?.nameEn) ?? '',
      titleZh: v.titleZh,
      titleEn: v.titleEn,
      summaryZh: v.summaryZh,
      summaryEn: v.summaryEn,
      fields: v.fields.map((f) => f.code).join(';'),
      trl: v.trl ? String(v.trl.level) : '',
      year: v.year === null ? '' : String(v.year),
      identifier: v.identifier ?? '',
      url: v.url ?? '',
      licenceTypes: v.licenceTypes.join(';'),
      visibility: v.visibility,
      state: v.state,
      publishedAt: v.publishedAt ?? '',
    };
    return COLUMNS.map(([k]) => rec[k]);
  });
  const headers = COLUMNS.map(([k, h]) => (zh ? h : k));
  const filename = `results-${ctx.clock.now().toISOString().slice(0, 10)}.csv`;
  return { filename, contentType: 'text/csv; charset=utf-8', body: writeCsv(headers, data) };
}
