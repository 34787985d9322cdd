import type { IndicatorId } from '../../../common/analytics.js';
import { FUNDING_SOURCES } from '../../../common/platforms.js';
import { PROJECT_STATES } from '../../../common/projects.js';
import { RESULT_TYPES } from '../../../common/results.js';
import { licenceFlowsByYear } from '../agreements/agreements.service.js';
import { applicationCountsByYear } from '../applications/applications.lookup.js';
import { callsOpenedByYear } from '../calls/calls.service.js';
import { disclosureCounts, filingsByYear } from '../ip/ip.service.js';
import { platformFundingBetween } from '../platforms/platforms.lookup.js';
import { projectCountsByState } from '../projects/projects.service.js';
import { publishedResultCounts } from '../results/results.service.js';
import { serviceRequestCounts } from '../services/services.service.js';
import type { Converter } from '../ttreports/ttreports.fx.js';
import type { Scope } from '../ttreports/ttreports.period.js';
import type { FigureView } from './analytics.schema.js';

type Figures = Record<IndicatorId, FigureView | null>;

/** Yearly figure from a year → value map over the scope's years; the total is their sum. */
function flow(
  years: readonly number[],
  byYear: Map<number, number>,
  parts: FigureView['parts'] = [],
): FigureView {
  const values = years.map((y) => byYear.get(y) ?? 0);
  return { total: values.reduce((a, b) => a + b, 0), byYear: values, parts };
}

function partsOf(
  years: readonly number[],
  keys: readonly string[],
  cell: (key: string, year: number) => number,
) {
  return keys.map((key) => {
    const byYear = years.map((y) => cell(key, y));
    return { key, total: byYear.reduce((a, b) => a + b, 0), byYear };
  });
}

function sumParts(years: readonly number[], parts: FigureView['parts']): Map<number, number> {
  return new Map(years.map((y, i) => [y, parts.reduce((s, p) => s + (p.byYear?.[i] ?? 0), 0)]));
}

/**
 * Every indicator of one platform (or one of its units) over the scope's years: one grouped query per
 * indicator family, each asked of the module that owns the records. Money is converted per calendar
 * year and currency with `fx`; the caller checks the converter is complete.
 */
export async function platformFigures(
  s: Scope,
  fx: Converter,
): Promise<{ figures: Figures; fundingIllustrative: boolean; converted: boolean }> {
  const years: number[] = [];
  for (let y = s.period.from; y <= s.period.to; y++) years.push(y);
  const whole = s.unitId === null;
  // Funding is the platform's and a request's fields are its service's list: no field cut for them.
  const noField = s.fieldIds === undefined;
  const [funding, calls, apps, projects, results, disclosures, filings, licences, services] =
    await Promise.all([
      whole && noField ? platformFundingBetween(s.db, s.platformId, s.period.from, s.period.to) : null,
      whole ? callsOpenedByYear(s) : null,
      whole ? applicationCountsByYear(s) : null,
      projectCountsByState(s),
      publishedResultCounts(s),
      disclosureCounts(s),
      filingsByYear(s),
      licenceFlowsByYear(s),
      noField ? serviceRequestCounts(s) : null,
    ]);
  let converted = false;
  const convert = (amount: number, currency: string, year: number) => {
    if (currency !== fx.currency && amount !== 0) converted = true;
    return fx.convert(amount, currency, year);
  };

  let fundingFigure: FigureView | null = null;
  let fundingIllustrative = false;
  if (funding) {
    const cells = new Map<string, number>();
    for (const f of funding) {
      fundingIllustrative ||= f.isIllustrative;
      const k = `${f.source}:${f.year}`;
      cells.set(k, (cells.get(k) ?? 0) + convert(f.amountMinor, f.currency, f.year));
    }
    const parts = partsOf(years, FUNDING_SOURCES, (k, y) => cells.get(`${k}:${y}`) ?? 0);
    fundingFigure = flow(years, sumParts(years, parts), parts);
  }

  let submitted: FigureView | null = null;
  let approved: FigureView | null = null;
  let rate: FigureView | null = null;
  if (apps) {
    submitted = flow(years, new Map([...apps].map(([y, v]) => [y, v.submitted])));
    approved = flow(years, new Map([...apps].map(([y, v]) => [y, v.approved])));
    const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
    rate = {
      total: ratio(approved.total ?? 0, submitted.total ?? 0),
      byYear: years.map((y) => ratio(apps.get(y)?.approved ?? 0, apps.get(y)?.submitted ?? 0)),
      parts: [],
    };
  }

  const resultCells = new Map(results.map((r) => [`${r.type}:${r.year}`, r.n]));
  const resultParts = partsOf(years, RESULT_TYPES, (k, y) => resultCells.get(`${k}:${y}`) ?? 0);
  const projectParts = PROJECT_STATES.map((st) => ({ key: st, total: projects.get(st) ?? 0, byYear: null }));

  const income = new Map<number, number>();
  for (const g of licences.income)
    income.set(g.bucket, (income.get(g.bucket) ?? 0) + convert(g.amount, g.currency, g.calYear));

  const figures: Figures = {
    funding: fundingFigure,
    calls_opened: calls ? flow(years, calls) : null,
    applications_submitted: submitted,
    applications_approved: approved,
    success_rate: rate,
    service_requests: services ? flow(years, services.receivedByYear) : null,
    projects_by_state: {
      total: projectParts.reduce((a, p) => a + p.total, 0),
      byYear: null,
      parts: projectParts,
    },
    results_published: flow(years, sumParts(years, resultParts), resultParts),
    disclosures: flow(years, disclosures.byYear),
    patent_applications: flow(years, filings.filedByYear),
    patents_granted: flow(years, filings.grantedByYear),
    licences_executed: flow(years, licences.executedByYear),
    licence_income: flow(years, income),
    enterprises_served: services ? flow(years, services.enterprisesByYear) : null,
  };
  return { figures, fundingIllustrative, converted };
}
