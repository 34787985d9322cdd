import {
  COMMITTEE_CATEGORIES,
  currencyDigits,
  FUNDING_SOURCES,
  type FundingSource,
  RATING_DIMENSIONS,
} from '../../../common/platforms.js';
import { PLATFORM_MODELS, type PlatformModel } from '../../../common/roles.js';
import { flag } from '../../db/rows.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { committeeComposition } from '../committee/committee.views.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { listUnits, unitCounts } from '../units/units.service.js';
import type { OrgChart, TreeNode } from './platforms.charts.schema.js';
import { can } from './platforms.policy.js';
import { allPlatforms, fundingEntries, platformFieldLinks } from './platforms.repository.js';
import { fundingOf, platformFields, platformValueOrNotFound, toProfile } from './platforms.service.js';

/** The public detail of a platform; `access` tells the UI what the caller may do and see. */
export async function getPlatformDetail(ctx: Ctx, id: string) {
  const platform = await platformValueOrNotFound(ctx.db, id);
  const units = await listUnits(ctx, id);
  return {
    ...toProfile(platform),
    funding: await fundingOf(ctx.db, platform),
    fields: await platformFields(ctx.db, id),
    units: units.map(
      ({ personalDetails: _p, director: _d, staffCount: _s, staff: _st, access: _a, ...pub }) => pub,
    ),
    committeeComposition: await committeeComposition(ctx, id),
    access: {
      canEdit: can(ctx.actor, 'platforms.update', { id }),
      canSeePeople: can(ctx.actor, 'platforms.read_personal', { id }),
    },
  };
}

/** Every platform side by side: model, ratings, funding mix over a year range, units and fields (public). */
export async function comparePlatforms(ctx: Pick<Ctx, 'db'>, q: { from?: number; to?: number }) {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw new AppError(400, 'request.validation_failed', {
      errors: [
        {
          in: 'querystring',
          pointer: '/to',
          code: 'platforms.year_range',
          message: 'The first year must not be after the last year',
        },
      ],
    });
  }
  const platforms = await allPlatforms(ctx.db);
  const funding = await fundingEntries(ctx.db, { from: q.from, to: q.to });
  const unitsPerPlatform = await unitCounts(ctx.db);
  const fieldLinks = await platformFieldLinks(ctx.db);
  const fields = await fieldSummaries(
    ctx.db,
    fieldLinks.map((l) => l.fieldId),
  );
  const items = platforms.map((p) => {
    const rows = funding.filter((f) => f.platformId === p.id);
    const total = rows.reduce((s, r) => s + r.amountMinor, 0);
    const bySource = FUNDING_SOURCES.map((source) => {
      const amountMinor = rows.filter((r) => r.source === source).reduce((s, r) => s + r.amountMinor, 0);
      return { source, amountMinor, share: total ? Math.round((amountMinor / total) * 10_000) / 10_000 : 0 };
    });
    return {
      id: p.id,
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      model: p.model as PlatformModel,
      country: p.country,
      isIllustrative: flag(p.isIllustrative),
      notes: p.notes,
      ratings: { funding: p.ratingFunding, rd: p.ratingRd, management: p.ratingManagement },
      funding: {
        currency: p.defaultCurrency,
        currencyDigits: currencyDigits(p.defaultCurrency),
        years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
        bySource,
        totalMinor: total,
        hasIllustrative: rows.some((r) => r.isIllustrative),
      },
      unitCount: unitsPerPlatform.get(p.id) ?? 0,
      fields: fieldLinks
        .filter((l) => l.platformId === p.id)
        .map((l) => fields.get(l.fieldId)!)
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  });
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    models: [...PLATFORM_MODELS],
    dimensions: [...RATING_DIMENSIONS],
    sources: [...FUNDING_SOURCES],
    items,
  };
}

const node = (
  id: string,
  kind: TreeNode['kind'],
  nameZh: string | null,
  nameEn: string | null,
  extra: Partial<TreeNode> = {},
): TreeNode => ({
  id,
  name: nameEn ?? nameZh ?? id,
  nameZh,
  nameEn,
  kind,
  ...extra,
});

/**
 * The organisation chart (the source document's Figure 2), derived from the records on every call:
 * supervising department → platform → units and the evaluation committee with its appointing body, and
 * the funding flows of the latest year. Directors only for callers who may see the platform's people.
 */
export async function orgChart(ctx: Ctx, id: string): Promise<OrgChart> {
  const platform = await platformValueOrNotFound(ctx.db, id);
  const showsPeople = can(ctx.actor, 'platforms.read_personal', { id });
  const units = await listUnits(ctx, id);
  const composition = await committeeComposition(ctx, id);
  const funding = await fundingOf(ctx.db, platform);
  const fundingYear = funding.rows.length ? Math.max(...funding.rows.map((r) => r.year)) : null;
  const latest = funding.rows.filter((r) => r.year === fundingYear && r.amountMinor > 0);

  const appointer =
    platform.committeeAppointerZh || platform.committeeAppointerEn
      ? node('appointer', 'appointer', platform.committeeAppointerZh, platform.committeeAppointerEn)
      : null;
  const categories = COMMITTEE_CATEGORIES.map((c) =>
    node(`category:${c}`, 'category', null, null, { name: c, value: composition[c] }),
  );
  const committee = node('committee', 'committee', null, null, {
    name: 'committee',
    value: composition.total,
    children: [...(appointer ? [appointer] : []), ...categories],
  });
  const unitNodes = units.map((u) =>
    node(`unit:${u.id}`, 'unit', u.nameZh, u.nameEn, {
      unitKind: u.kind,
      ...(showsPeople
        ? { director: u.director ? { nameZh: u.director.nameZh, nameEn: u.director.nameEn } : null }
        : {}),
    }),
  );
  const platformNode = node(`platform:${id}`, 'platform', platform.nameZh, platform.nameEn, {
    children: [...unitNodes, committee],
  });
  const hasDepartment = !!(platform.supervisingDepartmentZh || platform.supervisingDepartmentEn);
  const department = hasDepartment
    ? node('department', 'department', platform.supervisingDepartmentZh, platform.supervisingDepartmentEn)
    : null;
  const tree: TreeNode = department ? { ...department, children: [platformNode] } : platformNode;

  const sources = latest.map((r) =>
    node(`funding:${r.source}`, 'funding_source', null, null, { name: r.source, value: r.amountMinor }),
  );
  const flat = [
    ...(department ? [department] : []),
    platformNode,
    ...unitNodes,
    committee,
    ...(appointer ? [appointer] : []),
    ...categories,
    ...sources,
  ];
  const kinds = [
    'department',
    'platform',
    'unit',
    'committee',
    'appointer',
    'category',
    'funding_source',
  ] as const;
  const links: OrgChart['graph']['links'] = [
    ...(department ? [{ source: 'department', target: platformNode.id, kind: 'supervises' as const }] : []),
    ...unitNodes.map((u) => ({ source: platformNode.id, target: u.id, kind: 'comprises' as const })),
    { source: 'committee', target: platformNode.id, kind: 'evaluates' },
    ...(appointer ? [{ source: 'appointer', target: 'committee', kind: 'appoints' as const }] : []),
    ...categories.map((c) => ({
      source: 'committee',
      target: c.id,
      kind: 'includes' as const,
      value: c.value,
    })),
    ...sources.map((s) => ({
      source: s.id,
      target: platformNode.id,
      kind: 'funds' as const,
      value: s.value,
    })),
  ];
  return {
    platformId: id,
    fundingYear,
    currency: funding.currency,
    currencyDigits: funding.currencyDigits,
    showsPeople,
    tree,
    graph: {
      categories: kinds.map((name) => ({ name })),
      nodes: flat.map(({ children: _c, ...n }) => ({ ...n, category: kinds.indexOf(n.kind) })),
      links,
    },
    committee: {
      appointerZh: platform.committeeAppointerZh,
      appointerEn: platform.committeeAppointerEn,
      composition,
    },
    funding: latest.map((r) => ({
      source: r.source as FundingSource,
      amountMinor: r.amountMinor,
      isIllustrative: r.isIllustrative,
    })),
  };
}
