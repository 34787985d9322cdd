import {
  type GenAsset,
  type GenDisclosure,
  type GenFiling,
  PERIOD_END,
  PERIOD_START,
} from './demo-nist-ip.pipeline.js';
import { maxIso, minIso, plusDays, type Random } from './demo-nist-ip.random.js';

/**
 * The NIST demo's agreements and money: licences (266 in force at some time in FY2010–FY2016, others
 * ended before or signed after), options, CRADAs, and receipts by category. Receipts are drawn by kind
 * and size of licence, then scaled (whole dollars) so the licence income received in the period is
 * exactly US$1,034,400, the source document's figure.
 */
export const TARGET_INCOME_DOLLARS = 1_034_400;
export const TARGET_ACTIVE = 266;

export interface GenAgreement {
  key: number;
  refNo: string;
  title: string;
  kind: 'licence' | 'option' | 'crada';
  licenceKind: string | null;
  exclusivity: string | null;
  cradaClass: string | null;
  fieldOfUse: string | null;
  territory: string | null;
  partner: number;
  unit: number;
  requestDate: string | null;
  executionDate: string;
  endDate: string | null;
  terminationDate: string | null;
  terminationReason: string | null;
  contractValueDollars: number | null;
  links: Array<{ disclosure?: number; filing?: number; asset?: number }>;
}
export interface GenReceipt {
  agreement: number;
  receivedDate: string;
  dollars: number;
  category: string;
}

const FIELDS_OF_USE = [
  'Semiconductor metrology',
  'Medical diagnostics',
  'Industrial process control',
  'Telecommunications test equipment',
  'Building and fire safety',
  'Aerospace components',
  'Energy metering',
  'Laboratory instruments',
];
const TERRITORIES = ['United States', 'Worldwide', 'North America'];

interface Inputs {
  disclosures: GenDisclosure[];
  filings: GenFiling[];
  assets: GenAsset[];
  partners: number;
  units: number;
}

function windows(r: Random) {
  const w: Array<{ from: string; to: string; active: boolean }> = [];
  for (let i = 0; i < 95; i++) w.push({ from: '2001-01-01', to: '2009-09-30', active: true });
  for (let i = 0; i < TARGET_ACTIVE - 95; i++) w.push({ from: PERIOD_START, to: PERIOD_END, active: true });
  for (let i = 0; i < 25; i++) w.push({ from: '1998-01-01', to: '2008-09-30', active: false });
  for (let i = 0; i < 20; i++) w.push({ from: '2016-10-01', to: '2018-12-31', active: false });
  return w.map((x) => ({ ...x, date: r.date(x.from, x.to) }));
}

export function generateAgreements(r: Random, input: Inputs): GenAgreement[] {
  const out: GenAgreement[] = [];
  const licences = windows(r);
  // Boundary days: the first and last day of the period are inside, the day after is outside.
  licences[95]!.date = PERIOD_START;
  licences[TARGET_ACTIVE - 1]!.date = PERIOD_END;
  licences[TARGET_ACTIVE + 25]!.date = '2016-10-01';
  const granted = input.filings.filter((f) => f.filingType !== 'provisional' && f.filingType !== 'pct');
  const seq = new Map<string, number>();
  const ref = (prefix: string, date: string) => {
    const fy = Number(date.slice(0, 4)) + (date.slice(5, 7) >= '10' ? 1 : 0);
    const k = `${prefix}${fy}`;
    seq.set(k, (seq.get(k) ?? 0) + 1);
    return `NIST-${prefix}-${fy}-${String(seq.get(k)).padStart(3, '0')}`;
  };
  for (const w of licences) {
    const executionDate = w.date;
    let licenceKind = r.weighted({
      invention: 34,
      copyright: 30,
      software: 14,
      trademark: 9,
      material: 9,
      know_how: 4,
    });
    const links: GenAgreement['links'] = [];
    let unit = r.int(0, input.units - 1);
    if (licenceKind === 'invention') {
      const candidates = granted.filter((f) => f.filingDate <= executionDate);
      if (candidates.length === 0) licenceKind = 'copyright';
      else {
        const f = r.pick(candidates);
        links.push({ filing: f.key });
        unit = input.disclosures[f.disclosure]!.unit;
      }
    }
    if (licenceKind === 'material' || licenceKind === 'know_how') {
      const earlier = input.disclosures.filter((x) => x.receivedDate <= executionDate);
      if (earlier.length === 0) licenceKind = 'copyright';
      else {
        const d = r.pick(earlier);
        links.push({ disclosure: d.key });
        unit = d.unit;
      }
    }
    if (licenceKind === 'copyright' || licenceKind === 'software' || licenceKind === 'trademark') {
      const kind = licenceKind === 'copyright' ? 'copyright' : licenceKind;
      const assets = input.assets.filter((a) => a.kind === kind);
      links.push({ asset: r.pick(assets).key });
    }
    const exclusivity =
      licenceKind === 'invention'
        ? r.weighted({ exclusive: 25, partially_exclusive: 20, non_exclusive: 55 })
        : licenceKind === 'trademark'
          ? 'non_exclusive'
          : r.weighted({ non_exclusive: 9, partially_exclusive: 1 });
    const termYears = licenceKind === 'invention' ? (r.chance(0.6) ? null : r.int(10, 20)) : r.int(1, 6);
    let endDate = termYears === null ? null : plusDays(executionDate, termYears * 365);
    let terminationDate: string | null = null;
    let terminationReason: string | null = null;
    if (w.active && executionDate < PERIOD_START) {
      // In force when the period starts: the term runs into it.
      if (endDate !== null && endDate < PERIOD_START) endDate = r.date(PERIOD_START, '2019-12-31');
    } else if (!w.active && executionDate < PERIOD_START) {
      endDate = r.date(plusDays(executionDate, 200), '2009-09-30');
      if (r.chance(0.3)) {
        terminationDate = r.date(plusDays(executionDate, 100), endDate);
        terminationReason = r.pick(['for_cause', 'mutual']);
      }
    }
    if (w.active && r.chance(0.14)) {
      const from = maxIso(plusDays(executionDate, 120), PERIOD_START);
      const to = minIso(endDate ?? '2020-12-31', '2020-12-31');
      if (from <= to) {
        terminationDate = r.date(from, to);
        terminationReason = r.chance(0.55) ? 'for_cause' : 'mutual';
      }
    }
    if (licences.length && out.length === 0) {
      endDate = PERIOD_START; // ends on the first day of the period: still in force during it
      terminationDate = null;
      terminationReason = null;
    }
    out.push({
      key: out.length,
      refNo: ref('L', executionDate),
      title: `${licenceKind === 'invention' ? 'Patent licence' : licenceKind === 'trademark' ? 'Trademark licence' : licenceKind === 'material' ? 'Material licence' : licenceKind === 'know_how' ? 'Know-how licence' : 'Copyright licence'} ${executionDate.slice(0, 4)}`,
      kind: 'licence',
      licenceKind,
      exclusivity,
      cradaClass: null,
      fieldOfUse: licenceKind === 'invention' ? r.pick(FIELDS_OF_USE) : null,
      territory: r.pick(TERRITORIES),
      partner: r.int(0, input.partners - 1),
      unit,
      requestDate: r.chance(0.85) ? plusDays(executionDate, -r.int(20, 240)) : null,
      executionDate,
      endDate,
      terminationDate,
      terminationReason,
      contractValueDollars: null,
      links,
    });
  }
  for (let i = 0; i < 14; i++) {
    const executionDate = r.date('2008-01-01', '2018-06-30');
    const f = r.pick(granted.filter((g) => g.filingDate <= executionDate));
    out.push({
      key: out.length,
      refNo: ref('O', executionDate),
      title: `Option to license ${executionDate.slice(0, 4)}`,
      kind: 'option',
      licenceKind: 'invention',
      exclusivity: 'exclusive',
      cradaClass: null,
      fieldOfUse: r.pick(FIELDS_OF_USE),
      territory: 'United States',
      partner: r.int(0, input.partners - 1),
      unit: input.disclosures[f.disclosure]!.unit,
      requestDate: plusDays(executionDate, -r.int(15, 90)),
      executionDate,
      endDate: plusDays(executionDate, 180),
      terminationDate: null,
      terminationReason: null,
      contractValueDollars: null,
      links: [{ filing: f.key }],
    });
  }
  for (let i = 0; i < 48; i++) {
    const executionDate = r.date('2006-01-01', '2018-09-30');
    out.push({
      key: out.length,
      refNo: ref('C', executionDate),
      title: `Cooperative research and development agreement ${executionDate.slice(0, 4)}`,
      kind: 'crada',
      licenceKind: null,
      exclusivity: null,
      cradaClass: r.chance(0.8) ? 'traditional' : 'non_traditional',
      fieldOfUse: null,
      territory: null,
      partner: r.int(0, input.partners - 1),
      unit: r.int(0, input.units - 1),
      requestDate: plusDays(executionDate, -r.int(30, 200)),
      executionDate,
      endDate: plusDays(executionDate, r.int(2, 5) * 365),
      terminationDate: null,
      terminationReason: null,
      contractValueDollars: r.chance(0.6) ? r.int(2, 60) * 5_000 : 0,
      links: [],
    });
  }
  return out;
}

/** Receipts over each agreement's life (to 2019 at the latest), before scaling. */
function drawReceipts(r: Random, agreements: GenAgreement[]): GenReceipt[] {
  const out: GenReceipt[] = [];
  for (const a of agreements) {
    const last = minIso(minIso(a.terminationDate ?? '2019-12-31', a.endDate ?? '2019-12-31'), '2019-12-31');
    const add = (date: string, dollars: number, category: string) => {
      if (date <= '2019-12-31') out.push({ agreement: a.key, receivedDate: date, dollars, category });
    };
    if (a.kind === 'crada') {
      if (a.contractValueDollars)
        add(plusDays(a.executionDate, r.int(10, 60)), a.contractValueDollars, 'other');
      continue;
    }
    const big = a.licenceKind === 'invention';
    const exclusive = a.exclusivity !== 'non_exclusive';
    add(
      plusDays(a.executionDate, r.int(0, 30)),
      big ? (exclusive ? r.int(3_000, 20_000) : r.int(500, 3_000)) : r.int(100, 1_500),
      'issue_fee',
    );
    if (a.kind === 'option') continue;
    const royaltyBearing = big && r.chance(0.35);
    const scale = royaltyBearing ? Math.exp(r.next() * 4) * 400 : 0;
    for (let y = 1; y <= 25; y++) {
      const date = plusDays(a.executionDate, y * 365 + r.int(0, 45));
      if (date > last) break;
      if (big || r.chance(0.5))
        add(
          date,
          big ? (exclusive ? r.int(1_000, 5_000) : r.int(250, 1_000)) : r.int(100, 500),
          'annual_minimum',
        );
      if (royaltyBearing)
        add(
          plusDays(date, r.int(30, 90)),
          Math.round(scale * (1 + y * 0.3) * (0.6 + r.next())),
          'earned_royalty',
        );
    }
    if (big && exclusive && r.chance(0.4))
      add(plusDays(a.executionDate, r.int(60, 400)), r.int(2_000, 15_000), 'patent_cost_reimbursement');
    if (big && exclusive && r.chance(0.15))
      add(plusDays(a.executionDate, r.int(400, 1_500)), r.int(10_000, 50_000), 'milestone');
    if (big && r.chance(0.04))
      add(plusDays(a.executionDate, r.int(500, 2_000)), r.int(2_000, 12_000), 'sublicence');
  }
  return out.filter((x) => {
    const a = agreements[x.agreement]!;
    return x.receivedDate >= a.executionDate;
  });
}

const inPeriod = (d: string) => d >= PERIOD_START && d <= PERIOD_END;

export function generateReceipts(r: Random, agreements: GenAgreement[]): GenReceipt[] {
  const receipts = drawReceipts(r, agreements);
  // One cashed-in equity stake and two refunds, in the period.
  const inventionLicences = agreements.filter(
    (a) => a.kind === 'licence' && a.licenceKind === 'invention' && a.executionDate >= PERIOD_START,
  );
  receipts.push({
    agreement: inventionLicences[0]!.key,
    receivedDate: '2015-06-15',
    dollars: 40_000,
    category: 'equity_cashed',
  });
  receipts.push({
    agreement: inventionLicences[1]!.key,
    receivedDate: '2013-02-11',
    dollars: -1_200,
    category: 'refund',
  });
  receipts.push({
    agreement: inventionLicences[2]!.key,
    receivedDate: '2016-03-04',
    dollars: -450,
    category: 'refund',
  });
  const licensing = (x: GenReceipt) => agreements[x.agreement]!.kind !== 'crada';
  const counted = receipts.filter((x) => licensing(x) && inPeriod(x.receivedDate));
  const total = counted.reduce((s, x) => s + x.dollars, 0);
  const factor = TARGET_INCOME_DOLLARS / total;
  for (const x of receipts.filter(licensing)) {
    const scaled = Math.round(x.dollars * factor);
    x.dollars = scaled === 0 ? Math.sign(x.dollars) : scaled;
  }
  const diff = TARGET_INCOME_DOLLARS - counted.reduce((s, x) => s + x.dollars, 0);
  const largest = counted.reduce((m, x) => (x.dollars > m.dollars ? x : m));
  largest.dollars += diff;
  return receipts.sort((a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.agreement - b.agreement);
}
