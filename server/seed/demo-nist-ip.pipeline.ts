import { addMonths } from '../modules/ip/ip.dates.js';
import { maxIso, minIso, plusDays, type Random } from './demo-nist-ip.random.js';

/**
 * The NIST demo's IP pipeline, generated: invention disclosures, patent families (US utility, provisional
 * then utility, PCT with national phases) and other IP. The period FY2010–FY2016 (2009-10-01 …
 * 2016-09-30) gets exactly the source document's counts; records before and after it exist too.
 */
export const PERIOD_START = '2009-10-01';
export const PERIOD_END = '2016-09-30';
export const TARGET = { disclosures: 273, applications: 151, grants: 105 };
const DISCLOSURES_PER_FY = [38, 41, 37, 40, 39, 42, 36];

export interface GenDisclosure {
  key: number;
  refNo: string;
  title: string;
  ipKind: string;
  receivedDate: string;
  unit: number;
  fundingSource: string;
  firstPublicDisclosureDate: string | null;
  inventors: Array<{ name: string; shareBp: number }>;
}
export interface GenFiling {
  key: number;
  disclosure: number;
  parent: number | null;
  family: number;
  jurisdiction: string;
  filingType: string;
  applicationNumber: string;
  publicationNumber: string | null;
  patentNumber: string | null;
  filingDate: string;
  priorityDate: string;
  publicationDate: string | null;
  grantDate: string | null;
  status: string;
}
export interface GenAsset {
  key: number;
  disclosure: number | null;
  kind: 'copyright' | 'software' | 'trademark';
  title: string;
  registrationNumber: string;
  filingDate: string;
  registrationDate: string;
}

const SUBJECTS = [
  'optical frequency comb',
  'atomic clock',
  'single-photon detector',
  'nanoparticle sizing',
  'thin-film thickness',
  'mass spectrometry calibration',
  'neutron imaging',
  'quantum voltage standard',
  'additive manufacturing porosity',
  'fire spread model',
  'biometric matching',
  'cryptographic key exchange',
  'wireless channel sounding',
  'DNA quantification',
  'microfluidic flow',
  'thermal conductivity',
  'hydrogen fuel metering',
  'coordinate measuring',
  'graphene resistance',
  'X-ray spectroscopy',
];
const FORMS = [
  'Method for',
  'Apparatus for',
  'System and method for',
  'Device for',
  'Reference material for',
];
const AIMS = ['calibration', 'measurement', 'traceable testing', 'in-line monitoring', 'characterisation'];
const FUNDING = [
  'NIST appropriation (STRS)',
  'NIST appropriation (STRS)',
  'NIST appropriation (STRS)',
  'Other-agency reimbursable (DOE)',
  'Other-agency reimbursable (DoD)',
  'CRADA funds-in',
];
const SURNAMES = [
  'Smith',
  'Chen',
  'Garcia',
  'Nguyen',
  'Patel',
  'Kim',
  'Müller',
  'Rossi',
  'Johnson',
  'Li',
  'Brown',
  'Wang',
  'Davis',
  'Sato',
  'Novak',
  'Okafor',
  'Silva',
  'Cohen',
  'Larsen',
  'Zhang',
];
const GIVEN = [
  'A.',
  'B.',
  'C.',
  'D.',
  'E.',
  'F.',
  'G.',
  'H.',
  'J.',
  'K.',
  'L.',
  'M.',
  'N.',
  'P.',
  'R.',
  'S.',
  'T.',
  'W.',
];

function fiscalBounds(fy: number) {
  return { start: `${fy - 1}-10-01`, end: `${fy}-09-30` };
}

function shares(r: Random, n: number): number[] {
  const w = Array.from({ length: n }, () => r.int(1, 4));
  const sum = w.reduce((a, b) => a + b, 0);
  const bp = w.map((x) => Math.floor((x * 100) / sum) * 100);
  bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
  return bp;
}

export function generateDisclosures(r: Random, units: number): GenDisclosure[] {
  const dates: string[] = [];
  for (let i = 0; i < 60; i++) dates.push(r.date('2004-01-05', '2009-09-29'));
  dates.push('2009-09-30'); // the last day before the period: outside
  DISCLOSURES_PER_FY.forEach((n, i) => {
    const { start, end } = fiscalBounds(2010 + i);
    for (let k = 0; k < n; k++) dates.push(r.date(start, end));
  });
  dates[61] = PERIOD_START; // first day of the period: inside
  dates[61 + TARGET.disclosures - 1] = PERIOD_END; // last day: inside
  dates.push('2016-10-01'); // FY2017 (but calendar 2016)
  for (let i = 0; i < 24; i++) dates.push(r.date('2016-10-02', '2018-09-30'));
  dates.sort();
  const perYear = new Map<number, number>();
  return dates.map((receivedDate, key) => {
    const fy = Number(receivedDate.slice(0, 4)) + (receivedDate.slice(5, 7) >= '10' ? 1 : 0);
    const seq = (perYear.get(fy) ?? 0) + 1;
    perYear.set(fy, seq);
    const n = r.weighted({ 1: 3, 2: 4, 3: 3, 4: 1 } as const);
    const bp = shares(r, Number(n));
    const subject = r.pick(SUBJECTS);
    return {
      key,
      refNo: `NIST-D-${fy}-${String(seq).padStart(3, '0')}`,
      title: `${r.pick(FORMS)} ${subject} ${r.pick(AIMS)}`,
      ipKind: r.weighted({ patentable: 70, software: 20, material: 8, know_how: 2 }),
      receivedDate,
      unit: r.int(0, units - 1),
      fundingSource: r.pick(FUNDING),
      firstPublicDisclosureDate: r.chance(0.4) ? plusDays(receivedDate, r.int(30, 400)) : null,
      inventors: bp.map((shareBp) => ({ name: `${r.pick(GIVEN)} ${r.pick(SURNAMES)}`, shareBp })),
    };
  });
}

const inPeriod = (d: string | null) => d !== null && d >= PERIOD_START && d <= PERIOD_END;

/**
 * Patent families of the disclosures. Families are drawn at random and kept while they fit the period's
 * targets; the remainder is made up with plain US applications filed in the period (never granted) and
 * with pre-period applications granted in the period, so the counts are exact whatever the draw.
 */
export function generateFilings(r: Random, disclosures: GenDisclosure[]): GenFiling[] {
  const out: GenFiling[] = [];
  let apps = 0;
  let grants = 0;
  let serial = 0;
  const number = (jurisdiction: string, type: string, date: string) => {
    serial += 1;
    const y = date.slice(0, 4);
    if (type === 'pct') return `PCT/US${y}/${String(30_000 + serial).padStart(6, '0')}`;
    if (jurisdiction === 'EP') return `EP${y.slice(2)}${String(700_000 + serial * 37).padStart(6, '0')}`;
    const series =
      type === 'provisional'
        ? y < '2014'
          ? '61'
          : '62'
        : y < '2008'
          ? '11'
          : y < '2011'
            ? '12'
            : y < '2014'
              ? '13'
              : '14';
    return `${series}/${String(100_000 + serial * 389).padStart(6, '0')}`;
  };
  const add = (f: Omit<GenFiling, 'key' | 'applicationNumber' | 'publicationNumber' | 'patentNumber'>) => {
    const g: GenFiling = {
      ...f,
      key: out.length,
      applicationNumber: number(f.jurisdiction, f.filingType, f.filingDate),
      publicationNumber: null,
      patentNumber: null,
    };
    out.push(g);
    return g;
  };
  const finalStatus = (filingDate: string) =>
    filingDate < '2019-01-01' && r.chance(0.6) ? 'abandoned' : 'pending';

  for (const d of disclosures) {
    if (d.ipKind !== 'patentable' || !r.chance(0.42)) continue;
    const template = r.weighted({ utility: 45, provisional: 40, pct: 15 });
    const first = plusDays(d.receivedDate, r.int(45, 300));
    type Plan = {
      parent: number | null;
      jurisdiction: string;
      filingType: string;
      filingDate: string;
      final: boolean;
    };
    const plan: Plan[] = [];
    if (template === 'utility')
      plan.push({ parent: null, jurisdiction: 'US', filingType: 'utility', filingDate: first, final: true });
    else {
      plan.push({
        parent: null,
        jurisdiction: 'US',
        filingType: 'provisional',
        filingDate: first,
        final: false,
      });
      const second = plusDays(first, r.int(300, 360));
      if (template === 'provisional')
        plan.push({ parent: 0, jurisdiction: 'US', filingType: 'utility', filingDate: second, final: true });
      else {
        plan.push({ parent: 0, jurisdiction: 'WO', filingType: 'pct', filingDate: second, final: false });
        const national = plusDays(addMonths(first, 30), -r.int(1, 25));
        plan.push({
          parent: 1,
          jurisdiction: 'US',
          filingType: 'national_phase',
          filingDate: national,
          final: true,
        });
        if (r.chance(0.35))
          plan.push({
            parent: 1,
            jurisdiction: 'EP',
            filingType: 'national_phase',
            filingDate: national,
            final: true,
          });
      }
    }
    const newApps = plan.filter((p) => inPeriod(p.filingDate)).length;
    if (apps + newApps > TARGET.applications) continue;
    apps += newApps;
    const base = out.length;
    for (const p of plan) {
      let grantDate: string | null = null;
      if (p.final && r.chance(0.72)) {
        const g = plusDays(p.filingDate, r.int(600, 1500));
        if (g <= '2022-06-30' && !(inPeriod(g) && grants >= TARGET.grants)) grantDate = g;
      }
      if (inPeriod(grantDate)) grants += 1;
      add({
        disclosure: d.key,
        parent: p.parent === null ? null : base + p.parent,
        family: base,
        jurisdiction: p.jurisdiction,
        filingType: p.filingType,
        filingDate: p.filingDate,
        priorityDate: first,
        publicationDate: null,
        grantDate,
        status: grantDate ? 'granted' : p.final ? finalStatus(p.filingDate) : 'expired',
      });
    }
  }
  // Make up the applications: plain US applications in the period, later abandoned.
  const inPeriodDisclosures = disclosures.filter(
    (d) => d.receivedDate >= PERIOD_START && d.receivedDate <= '2016-07-31',
  );
  while (apps < TARGET.applications) {
    const d = r.pick(inPeriodDisclosures);
    const filingDate = plusDays(d.receivedDate, r.int(20, 60));
    add({
      disclosure: d.key,
      parent: null,
      family: out.length,
      jurisdiction: 'US',
      filingType: 'utility',
      filingDate,
      priorityDate: filingDate,
      publicationDate: null,
      grantDate: null,
      status: 'abandoned',
    });
    apps += 1;
  }
  // Make up the grants: applications filed before the period and granted in it.
  const early = disclosures.filter((d) => d.receivedDate >= '2005-08-01' && d.receivedDate <= '2009-03-01');
  while (grants < TARGET.grants) {
    const d = r.pick(early);
    const filingDate = plusDays(d.receivedDate, r.int(30, 200));
    const from = maxIso(plusDays(filingDate, 600), PERIOD_START);
    const to = minIso(plusDays(filingDate, 1500), PERIOD_END);
    add({
      disclosure: d.key,
      parent: null,
      family: out.length,
      jurisdiction: 'US',
      filingType: 'utility',
      filingDate,
      priorityDate: filingDate,
      publicationDate: null,
      grantDate: r.date(from, to),
      status: 'granted',
    });
    grants += 1;
  }
  // Publications at 18 months from priority; patent numbers in order of grant.
  let usNumber = 7_600_000;
  let epNumber = 2_100_000;
  for (const f of [...out].sort(
    (a, b) => (a.grantDate ?? '9').localeCompare(b.grantDate ?? '9') || a.key - b.key,
  )) {
    const pub = addMonths(f.priorityDate, 18);
    if (f.filingType !== 'provisional' && pub <= '2022-12-31' && (!f.grantDate || pub < f.grantDate)) {
      f.publicationDate = maxIso(pub, f.filingDate);
      f.publicationNumber =
        f.filingType === 'pct'
          ? `WO${pub.slice(0, 4)}/${String(f.key * 131 + 10_000).padStart(6, '0')}`
          : `${f.jurisdiction}${pub.slice(0, 4)}${String(f.key * 977 + 100_000).padStart(7, '0')}`;
    }
    if (f.grantDate) {
      if (f.jurisdiction === 'EP') {
        epNumber += r.int(900, 4000);
        f.patentNumber = `EP${epNumber}`;
      } else {
        usNumber = Math.max(
          usNumber + r.int(2_000, 9_000),
          7_600_000 + (Number(f.grantDate.slice(0, 4)) - 2009) * 320_000,
        );
        f.patentNumber = `US${usNumber}`;
      }
    }
  }
  return out;
}

const ASSETS: Array<[GenAsset['kind'], string]> = [
  ['copyright', 'Standard Reference Database: Atomic Spectra (SRD 78)'],
  ['copyright', 'Standard Reference Database: Thermophysical Properties of Fluids (SRD 69)'],
  ['copyright', 'Standard Reference Database: Mass Spectral Library (SRD 1A)'],
  ['copyright', 'Standard Reference Database: Ceramics Phase Equilibria (SRD 31)'],
  ['copyright', 'Standard Reference Database: X-ray Photoelectron Spectroscopy (SRD 20)'],
  ['copyright', 'Standard Reference Database: Crystal Data (SRD 3)'],
  ['copyright', 'Standard Reference Database: Chemical Kinetics (SRD 17)'],
  ['copyright', 'Standard Reference Database: Electron Inelastic Mean Free Path (SRD 71)'],
  ['software', 'Fire Dynamics Simulator and Smokeview'],
  ['software', 'Refrigerant properties program (REFPROP)'],
  ['software', 'Biometric image quality software'],
  ['software', 'Combinatorial testing tool'],
  ['software', 'Building energy life-cycle cost software'],
  ['software', 'Neutron scattering data reduction software'],
  ['trademark', 'SRM (Standard Reference Material)'],
  ['trademark', 'Standard Reference Data'],
  ['trademark', 'NIST Traceable'],
];

export function generateAssets(r: Random, disclosures: GenDisclosure[]): GenAsset[] {
  const software = disclosures.filter((d) => d.ipKind === 'software');
  return ASSETS.map(([kind, title], key) => {
    const filingDate = r.date('1996-01-01', '2012-12-31');
    const prefix = kind === 'trademark' ? 'TM-' : kind === 'software' ? 'TXu-' : 'TX-';
    return {
      key,
      disclosure: kind === 'software' && software.length ? r.pick(software).key : null,
      kind,
      title,
      registrationNumber: `${prefix}${String(1_000_000 + key * 7_919 + r.int(0, 7_000))}`,
      filingDate,
      registrationDate: plusDays(filingDate, r.int(60, 400)),
    };
  });
}
