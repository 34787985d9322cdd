import { flag } from '../../db/rows.js';
import type { publishedCallsForOpenData } from '../calls/calls.service.js';
import type { fieldsForOpenData } from '../fields/fields.service.js';
import type { orgIdentities } from '../orgs/orgs.service.js';
import type { platformsForOpenData } from '../platforms/platforms.service.js';
import type { projectsForOpenData } from '../projects/projects.service.js';
import type { publishedPublicResults } from '../results/results.service.js';
import type { unitsForOpenData } from '../units/units.service.js';

/** The values the owners' *ForOpenData functions return (their services are the only way in). */
type Each<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];
type PlatformSource = Each<typeof platformsForOpenData>;
type UnitSource = Each<typeof unitsForOpenData>;
type FieldSource = Each<typeof fieldsForOpenData>;
type CallSource = Each<typeof publishedCallsForOpenData>;
type ProjectSource = Each<typeof projectsForOpenData>;
type ResultSource = Each<typeof publishedPublicResults>;
type OrgIdentities = Awaited<ReturnType<typeof orgIdentities>>;

/**
 * THE public projection (issue 15): every field that leaves through the open-data API and the dumps
 * is named here, and nothing else. Records are picked field by field, never spread, so a column an
 * owner adds later stays private until it is named here. Which records are public at all (calls past
 * their draft, public and published results) the owners decide in their *ForOpenData functions.
 */

export const DATASETS = [
  'platforms',
  'units',
  'fields',
  'calls',
  'projects',
  'results',
  'technologies',
  'statistics',
] as const;
export type Dataset = (typeof DATASETS)[number];
export type OpenRecord = { id: string } & Record<string, unknown>;

const sortedIds = (ids: readonly string[]) => [...ids].sort();

export const platformRecord = (p: PlatformSource): OpenRecord => ({
  id: p.id,
  code: p.code,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  model: p.model,
  supervisingDepartmentZh: p.supervisingDepartmentZh,
  supervisingDepartmentEn: p.supervisingDepartmentEn,
  committeeAppointerZh: p.committeeAppointerZh,
  committeeAppointerEn: p.committeeAppointerEn,
  country: p.country,
  foundedYear: p.foundedYear,
  descriptionZh: p.descriptionZh,
  descriptionEn: p.descriptionEn,
  ratings: { funding: p.ratingFunding, rd: p.ratingRd, management: p.ratingManagement },
  fiscalYearStartMonth: p.fiscalYearStartMonth,
  defaultCurrency: p.defaultCurrency,
  isIllustrative: flag(p.isIllustrative),
  fieldIds: sortedIds(p.fieldIds),
  funding: p.funding.map((f) => ({
    year: f.year,
    source: f.source,
    amountMinor: f.amountMinor,
    currency: f.currency,
    isIllustrative: f.isIllustrative,
  })),
});

export const unitRecord = (u: UnitSource): OpenRecord => ({
  id: u.id,
  platformId: u.platformId,
  kind: u.kind,
  code: u.code,
  nameZh: u.nameZh,
  nameEn: u.nameEn,
  descriptionZh: u.descriptionZh,
  descriptionEn: u.descriptionEn,
  fieldIds: sortedIds(u.fieldIds),
});

export const fieldRecord = (f: FieldSource): OpenRecord => ({
  id: f.id,
  parentId: f.parentId,
  code: f.code,
  nameZh: f.nameZh,
  nameEn: f.nameEn,
  sortOrder: f.sortOrder,
  retired: f.retiredAt !== null,
});

export const callRecord = (c: CallSource): OpenRecord => ({
  id: c.id,
  platformId: c.platformId,
  code: c.code,
  titleZh: c.titleZh,
  titleEn: c.titleEn,
  summaryZh: c.summaryZh,
  summaryEn: c.summaryEn,
  state: c.state,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  currency: c.currency,
  budgetTotalMinor: c.budgetTotalMinor,
  ceilingMinor: c.ceilingMinor,
  fieldIds: sortedIds(c.fieldIds),
  publishedAt: c.publishedAt,
  closedAt: c.closedAt,
});

const orgOf = (orgs: OrgIdentities, id: string) => {
  const o = orgs.get(id);
  return {
    id,
    nameZh: o?.nameZh ?? null,
    nameEn: o?.nameEn ?? null,
    type: o?.type ?? null,
    country: o?.country ?? null,
  };
};

export const projectRecord = (p: ProjectSource, orgs: OrgIdentities): OpenRecord => ({
  id: p.id,
  platformId: p.platformId,
  unitId: p.unitId,
  kind: p.kind,
  code: p.code,
  titleZh: p.titleZh,
  titleEn: p.titleEn,
  summaryZh: p.summaryZh,
  summaryEn: p.summaryEn,
  budgetMinor: p.budgetMinor,
  currency: p.currency,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  state: p.state,
  outcome: p.outcome,
  fieldIds: sortedIds(p.fieldIds),
  leadOrganisation: p.leadOrgId ? orgOf(orgs, p.leadOrgId) : null,
  consortium: p.members.map((m) => ({
    position: m.position,
    organisation: orgOf(orgs, m.organisationId),
    role: m.role,
    fundedMinor: m.fundedMinor,
    cofundingMinor: m.cofundingMinor,
  })),
});

type PublicResult = ResultSource;

export const resultRecord = (r: PublicResult): OpenRecord => ({
  id: r.id,
  platformId: r.platformId,
  unitId: r.unitId,
  type: r.type,
  titleZh: r.titleZh,
  titleEn: r.titleEn,
  summaryZh: r.summaryZh,
  summaryEn: r.summaryEn,
  trl: r.trl,
  year: r.year,
  identifier: r.identifier,
  url: r.url,
  authors: r.authors,
  fieldIds: sortedIds(r.fieldIds),
  isIllustrative: flag(r.isIllustrative),
  publishedAt: r.publishedAt,
});

/** A technology offered for licensing: a public result of type technology with its licensing terms. */
export const technologyRecord = (r: PublicResult): OpenRecord => ({
  id: r.id,
  platformId: r.platformId,
  unitId: r.unitId,
  titleZh: r.titleZh,
  titleEn: r.titleEn,
  summaryZh: r.summaryZh,
  summaryEn: r.summaryEn,
  trl: r.trl,
  problemZh: r.problemZh,
  problemEn: r.problemEn,
  advantageZh: r.advantageZh,
  advantageEn: r.advantageEn,
  applicationsZh: r.applicationsZh,
  applicationsEn: r.applicationsEn,
  ipStatusZh: r.ipStatusZh,
  ipStatusEn: r.ipStatusEn,
  licenceTypes: r.licenceTypes,
  licenceKinds: r.licenceKinds,
  fieldIds: sortedIds(r.fieldIds),
  isIllustrative: flag(r.isIllustrative),
  publishedAt: r.publishedAt,
});

type Money = { currency: string; amountMinor: number };
const addMoney = (list: Money[], currency: string, amountMinor: number) => {
  const m = list.find((x) => x.currency === currency);
  if (m) m.amountMinor += amountMinor;
  else list.push({ currency, amountMinor });
};

interface StatisticsCell {
  id: string;
  platformId: string;
  year: number;
  funding: Array<Money & { source: string }>;
  callsOpened: number;
  callBudgets: Money[];
  projectsStarted: number;
  projectBudgets: Money[];
  resultsPublished: number;
  technologiesPublished: number;
}

const yearOf = (iso: unknown) =>
  typeof iso === 'string' && /^\d{4}/.test(iso) ? Number(iso.slice(0, 4)) : null;

/**
 * Aggregate figures per platform and calendar year, computed from the public records above only (so
 * no figure can reveal what the other datasets hide): funding by source, calls opened and their
 * budgets, projects started and their budgets, results and technologies published.
 */
export function statisticsRecords(d: {
  platforms: OpenRecord[];
  calls: OpenRecord[];
  projects: OpenRecord[];
  results: OpenRecord[];
  technologies: OpenRecord[];
}): OpenRecord[] {
  const cells = new Map<string, StatisticsCell>();
  const cell = (platformId: unknown, year: number): StatisticsCell => {
    const id = `${String(platformId)}:${year}`;
    let c = cells.get(id);
    if (!c) {
      c = {
        id,
        platformId: String(platformId),
        year,
        funding: [],
        callsOpened: 0,
        callBudgets: [],
        projectsStarted: 0,
        projectBudgets: [],
        resultsPublished: 0,
        technologiesPublished: 0,
      };
      cells.set(id, c);
    }
    return c;
  };
  for (const p of d.platforms)
    for (const f of p.funding as Array<Money & { source: string; year: number }>)
      cell(p.id, f.year).funding.push({ source: f.source, currency: f.currency, amountMinor: f.amountMinor });
  for (const c of d.calls) {
    const y = yearOf(c.opensAt);
    if (y === null) continue;
    const s = cell(c.platformId, y);
    s.callsOpened += 1;
    addMoney(s.callBudgets, String(c.currency), Number(c.budgetTotalMinor));
  }
  for (const p of d.projects) {
    const y = yearOf(p.startsOn);
    if (y === null) continue;
    const s = cell(p.platformId, y);
    s.projectsStarted += 1;
    addMoney(s.projectBudgets, String(p.currency), Number(p.budgetMinor));
  }
  for (const r of d.results) {
    const y = yearOf(r.publishedAt);
    if (y !== null) cell(r.platformId, y).resultsPublished += 1;
  }
  for (const r of d.technologies) {
    const y = yearOf(r.publishedAt);
    if (y !== null) cell(r.platformId, y).technologiesPublished += 1;
  }
  const byMoney = (a: Money, b: Money) => a.currency.localeCompare(b.currency);
  return [...cells.values()].map((c) => ({
    ...c,
    funding: c.funding.sort((a, b) => `${a.source}:${a.currency}`.localeCompare(`${b.source}:${b.currency}`)),
    callBudgets: c.callBudgets.sort(byMoney),
    projectBudgets: c.projectBudgets.sort(byMoney),
  }));
}
