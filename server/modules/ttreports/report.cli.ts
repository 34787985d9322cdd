import { currencyDigits } from '../../../common/platforms.js';
import type { Ctx } from '../../http/context.js';
import { platformIdOfCode } from '../platforms/platforms.lookup.js';
import { type Report, reportQuery } from './ttreports.schema.js';
import { techTransferReport } from './ttreports.service.js';

export interface ReportCliOptions {
  platform: string;
  from: string;
  to: string;
  calendar?: boolean;
  fiscal?: boolean;
  currency?: string;
  json?: boolean;
}

const fmt = (m: { amountMinor: number; currency: string }) => {
  const d = currencyDigits(m.currency);
  return `${m.currency} ${(m.amountMinor / 10 ** d).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })}`;
};

/** A short plain-text rendering for the terminal; --json prints the whole report. */
export function reportText(r: Report): string {
  const basis =
    r.scope.basis === 'fiscal'
      ? `fiscal years starting in month ${r.platform.fiscalYearStartMonth}`
      : 'calendar years';
  const lines = [
    `${r.platform.nameEn} (${r.platform.code}) — tech-transfer report ${r.scope.from}–${r.scope.to}, ${basis} (${r.scope.startDate} … ${r.scope.endDate})`,
    `invention disclosures   ${r.inventionDisclosures}`,
    `patent applications     ${r.patentApplications}`,
    `patents issued          ${r.patentsIssued}`,
    `licences active         ${r.activeLicences} (invention ${r.federal.licences.active.invention}, other IP ${r.federal.licences.active.otherIp})`,
    `licence income          ${fmt(r.licenceIncome)} (earned royalties ${fmt(r.federal.income.earnedRoyalties.total)})`,
    `CRADAs active / new     ${r.federal.cradas.active} / ${r.federal.cradas.new}`,
    '',
    'year  disclosures  applications  issued  active licences  licence income',
    ...r.years.map(
      (y) =>
        `${y.year}  ${String(y.inventionDisclosures).padStart(11)}  ${String(y.patentApplications).padStart(12)}  ${String(y.patentsIssued).padStart(6)}  ${String(y.activeLicences).padStart(15)}  ${fmt(y.licenceIncome)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `commonlab report tech-transfer --platform <code> --from <year> --to <year> [--calendar|--fiscal]
 * [--currency XXX] [--json]`: the same report as the API. The default basis is the platform's fiscal
 * year (calendar years when its fiscal year starts in January); platform codes match case-insensitively.
 */
export async function techTransferReportCli(ctx: Ctx, o: ReportCliOptions): Promise<string> {
  if (o.calendar && o.fiscal) throw new Error('give either --calendar or --fiscal, not both');
  const platformId = await platformIdOfCode(ctx.db, o.platform);
  if (!platformId) throw new Error(`no platform with code ${o.platform}`);
  const parsed = reportQuery.safeParse({
    from: o.from,
    to: o.to,
    basis: o.calendar ? 'calendar' : 'fiscal',
    ...(o.currency ? { currency: o.currency } : {}),
  });
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const report = await techTransferReport(ctx, { ...parsed.data, platformId });
  return o.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report);
}
