import { EXCLUSIVITIES, LICENCE_KINDS } from './ip.js';
import {
  type Cell,
  count,
  type DocSheet,
  type DocTable,
  days,
  type ExportDoc,
  money,
  share,
  text,
} from './report-doc.js';
import {
  type Bilingual,
  CN_MODE,
  EXCLUSIVITY,
  LABELS,
  LICENCE_KIND,
  RECEIPT_CATEGORY,
} from './tech-transfer-labels.js';
import type { Report } from './tech-transfer-report.js';
import { formatInZone } from './time-format.js';

/** What the scope lines name besides the report itself (resolved by the caller). */
export interface ScopeNames {
  unit: string | null;
  field: string | null;
}

/**
 * The tech-transfer report as a file document: the federal (NIST) set, the AUTM set, the Chinese annual
 * report and the figures by year, each a sheet, in the chosen language. Every figure is the report's own;
 * nothing is recomputed here.
 */
export function reportDoc(
  r: Report,
  lang: ExportDoc['lang'],
  names: ScopeNames,
  extraMeta: string[] = [],
): ExportDoc {
  const tr = (b: Bilingual): string => (lang === 'zh-CN' ? b[0] : b[1]);
  const row = (label: Bilingual, ...cells: Cell[]): Cell[] => [text(tr(label)), ...cells];
  const pair = (title: Bilingual, rows: Cell[][], note?: string): DocTable => ({
    title: tr(title),
    columns: [tr(LABELS.metric), tr(LABELS.value)],
    rows,
    ...(note ? { note } : {}),
  });
  const sep = lang === 'zh-CN' ? '：' : ': ';
  const basis =
    r.scope.basis === 'fiscal'
      ? tr(LABELS.fiscal).replace('{m}', String(r.platform.fiscalYearStartMonth))
      : tr(LABELS.calendar);
  const platformName = lang === 'zh-CN' ? r.platform.nameZh : r.platform.nameEn;
  const meta = [
    `${tr(LABELS.platform)}${sep}${platformName} (${r.platform.code})`,
    `${tr(LABELS.period)}${sep}${r.scope.from}–${r.scope.to}, ${basis} (${r.scope.startDate} – ${r.scope.endDate})`,
    `${tr(LABELS.unit)}${sep}${names.unit ?? tr(LABELS.all)}; ${tr(LABELS.field)}${sep}${names.field ?? tr(LABELS.all)}; ${tr(LABELS.currency)}${sep}${r.scope.currency}`,
    // Made on the server for a reader whose zone it does not know: Beijing time in Chinese, UTC in English,
    // each named, never the raw ISO text (issue 12 item 8).
    `${tr(LABELS.generated)}${sep}${formatInZone(r.generatedAt, lang, lang === 'zh-CN' ? 'Asia/Shanghai' : 'UTC')}`,
    ...extraMeta,
  ];

  const f = r.federal;
  const sets = [f.licences.active, f.licences.new, f.licences.incomeBearing];
  const licenceTable: DocTable = {
    title: tr(LABELS.licences),
    columns: [tr(LABELS.metric), tr(LABELS.active), tr(LABELS.newLicences), tr(LABELS.incomeBearing)],
    rows: [
      row(LABELS.total, ...sets.map((s) => count(s.total))),
      row(LABELS.invention, ...sets.map((s) => count(s.invention))),
      row(LABELS.otherIp, ...sets.map((s) => count(s.otherIp))),
      ...LICENCE_KINDS.map((k) => row(LICENCE_KIND[k], ...sets.map((s) => count(s.byKind[k])))),
      ...EXCLUSIVITIES.map((e) => row(EXCLUSIVITY[e], ...sets.map((s) => count(s.byExclusivity[e])))),
    ],
  };
  const eri = f.income.earnedRoyalties;
  const withheld = eri.licences > 0 && [eri.top1Share, eri.top5Share, eri.top20Share].includes(null);
  const federal: DocSheet = {
    name: tr(LABELS.federalSheet),
    title: tr(LABELS.federal),
    tables: [
      pair(LABELS.headline, [
        row(LABELS.inventionDisclosures, count(r.inventionDisclosures)),
        row(LABELS.patentApplications, count(r.patentApplications)),
        row(LABELS.patentsIssued, count(r.patentsIssued)),
        row(LABELS.activeLicences, count(r.activeLicences)),
        row(LABELS.licenceIncome, money(r.licenceIncome)),
      ]),
      licenceTable,
      pair(LABELS.income, [
        row(LABELS.totalIncome, money(f.income.total)),
        row(LABELS.inventionIncome, money(f.income.invention)),
        row(LABELS.otherIpIncome, money(f.income.otherIp)),
        row(LABELS.paidToInventors, money(f.paidToInventors)),
      ]),
      pair(
        LABELS.eri,
        [
          row(LABELS.eriTotal, money(eri.total)),
          row(LABELS.eriLicences, count(eri.licences)),
          row(LABELS.median, money(eri.median)),
          row(LABELS.min, money(eri.min)),
          row(LABELS.max, money(eri.max)),
          row(LABELS.top1, share(eri.top1Share)),
          row(LABELS.top5, share(eri.top5Share)),
          row(LABELS.top20, share(eri.top20Share)),
        ],
        withheld ? tr(LABELS.eriNote) : undefined,
      ),
      pair(LABELS.cradas, [
        row(LABELS.cradasActive, count(f.cradas.active)),
        row(LABELS.cradasNew, count(f.cradas.new)),
        row(LABELS.traditional, count(f.cradas.traditional)),
        row(LABELS.nonTraditional, count(f.cradas.nonTraditional)),
      ]),
      pair(LABELS.execution, [
        row(LABELS.executionLicences, count(f.executionTime.licences)),
        row(LABELS.average, days(f.executionTime.averageDays)),
        row(LABELS.min, days(f.executionTime.minDays)),
        row(LABELS.max, days(f.executionTime.maxDays)),
      ]),
      pair(LABELS.other, [
        row(LABELS.terminatedForCause, count(f.terminatedForCause)),
        row(LABELS.smallBusinessLicences, count(f.smallBusiness.activeLicences)),
        row(LABELS.smallBusinessLicenceShare, share(f.smallBusiness.licenceShare)),
        row(LABELS.smallBusinessCradas, count(f.smallBusiness.activeCradas)),
        row(LABELS.smallBusinessCradaShare, share(f.smallBusiness.cradaShare)),
      ]),
    ],
  };

  const a = r.autm;
  const autm: DocSheet = {
    name: tr(LABELS.autmSheet),
    title: tr(LABELS.autm),
    tables: [
      pair(LABELS.activity, [
        row(LABELS.inventionDisclosures, count(a.disclosures)),
        row(LABELS.newPatentApplications, count(a.newPatentApplications)),
        row(LABELS.totalUsApplications, count(a.totalUsApplications)),
        row(LABELS.usPatentsIssued, count(a.usPatentsIssued)),
        row(LABELS.licencesExecuted, count(a.licencesExecuted)),
        row(LABELS.optionsExecuted, count(a.optionsExecuted)),
        row(LABELS.activeLicencesAndOptions, count(a.activeLicencesAndOptions)),
      ]),
      pair(LABELS.income, [
        row(LABELS.autmIncome, money(a.licenceIncome)),
        row(LABELS.excluded, money(a.excluded)),
      ]),
      {
        title: tr(LABELS.byCategory),
        columns: [tr(LABELS.category), tr(LABELS.amount), tr(LABELS.included)],
        rows: a.byCategory.map((c) =>
          row(RECEIPT_CATEGORY[c.category], money(c.amount), text(tr(c.included ? LABELS.yes : LABELS.no))),
        ),
      },
    ],
  };

  const c = r.china;
  const modeColumns = [
    tr(LABELS.mode),
    tr(LABELS.contracts),
    tr(LABELS.contractValue),
    tr(LABELS.cashReceived),
  ];
  const modeCells = (m: {
    contracts: number;
    contractValue: Report['licenceIncome'];
    cashReceived: Report['licenceIncome'];
  }) => [count(m.contracts), money(m.contractValue), money(m.cashReceived)];
  const china: DocSheet = {
    name: tr(LABELS.chinaSheet),
    title: tr(LABELS.china),
    tables: [
      {
        title: tr(LABELS.modes),
        columns: modeColumns,
        rows: [
          ...c.modes.map((m) => row(CN_MODE[m.mode], ...modeCells(m))),
          row(LABELS.transferTotal, ...modeCells(c.transferTotal)),
          row(LABELS.serviceTotal, ...modeCells(c.serviceTotal)),
        ],
      },
      pair(LABELS.rewards, [
        row(LABELS.rewardsAmount, money(c.rewardsToIndividuals)),
        row(LABELS.rewardedPersonTimes, count(c.rewardedPersonTimes)),
      ]),
    ],
  };

  const years: DocSheet = {
    name: tr(LABELS.years),
    title: tr(LABELS.years),
    tables: [
      {
        title: tr(LABELS.years),
        columns: [
          LABELS.year,
          LABELS.start,
          LABELS.end,
          LABELS.disclosuresShort,
          LABELS.applicationsShort,
          LABELS.patentsShort,
          LABELS.activeShort,
          LABELS.newShort,
          LABELS.newCradas,
          LABELS.licenceIncome,
          LABELS.earnedRoyalties,
        ].map(tr),
        rows: r.years.map((y) => [
          text(String(y.year)),
          text(y.startDate),
          text(y.endDate),
          count(y.inventionDisclosures),
          count(y.patentApplications),
          count(y.patentsIssued),
          count(y.activeLicences),
          count(y.newLicences),
          count(y.cradasNew),
          money(y.licenceIncome),
          money(y.earnedRoyalties),
        ]),
      },
    ],
  };

  return { title: tr(LABELS.title), meta, sheets: [federal, autm, china, years], lang };
}
