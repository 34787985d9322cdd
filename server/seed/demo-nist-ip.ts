import type { Kysely } from 'kysely';
import { appendAudit } from '../db/audit-chain.js';
import { insertRow, type RowValue } from '../db/rows.js';
import type { DB, DistributionRulesTable } from '../db/schema.js';
import { type Ctx, isoNow, newId } from '../http/context.js';
import { type Beneficiary, distribute } from '../modules/agreements/agreements.distribution.js';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
  rebuildReceiptMonths,
} from '../modules/agreements/agreements.service.js';
import { rebuildIpMonths } from '../modules/ip/ip.service.js';
import { insertOrganisationInTrx } from '../modules/orgs/orgs.service.js';
import { generateAgreements, generateReceipts } from './demo-nist-ip.agreements.js';
import { NIST_LICENSEES } from './demo-nist-ip.licensees.js';
import { generateAssets, generateDisclosures, generateFilings } from './demo-nist-ip.pipeline.js';
import { Random } from './demo-nist-ip.random.js';

/** The seed of the generator: the same records on every install. */
const SEED = 20_102_016;

/** Yearly average US dollar rates in yuan (approximate), so reports can also be shown in CNY. */
const USD_CNY: Record<number, number> = {
  2005: 8.19,
  2006: 7.97,
  2007: 7.61,
  2008: 6.95,
  2009: 6.83,
  2010: 6.77,
  2011: 6.46,
  2012: 6.31,
  2013: 6.19,
  2014: 6.16,
  2015: 6.28,
  2016: 6.64,
  2017: 6.75,
  2018: 6.62,
  2019: 6.91,
};

/** Inserts the table's values (camelCase, as the modules' repositories take them) 200 rows at a time. */
async function insertChunked<T extends keyof DB>(
  trx: Kysely<DB>,
  table: T,
  values: Record<string, unknown>[],
) {
  const rows = values.map((v) => insertRow(v as RowValue<DB[T]>));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .execute();
}

async function partnerIds(trx: Kysely<DB>, ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  for (const org of NIST_LICENSEES) {
    const existing = await trx
      .selectFrom('organisations')
      .select('id')
      .where('name_zh', '=', org.nameZh)
      .executeTakeFirst();
    ids.push(existing?.id ?? (await insertOrganisationInTrx(trx, ctx, org)));
  }
  return ids;
}

/**
 * NIST's technology-transfer records, generated as individual records (seeded, so every install gets
 * the same ones): the report for FY2010–FY2016 — NIST's federal fiscal years, October to September —
 * shows the source document's 273 invention disclosures, 151 patent applications, 105 patents issued,
 * 266 licences in force and US$1,034,400 licence income. Records before and after the period exist too.
 * Skipped when the platform already has disclosures. One transaction, one audit entry.
 */
export async function seedNistIp(ctx: Ctx, platformId: string): Promise<boolean> {
  const has = await ctx.db
    .selectFrom('ip_disclosures')
    .select('id')
    .where('platform_id', '=', platformId)
    .limit(1)
    .executeTakeFirst();
  if (has) return false;
  await ctx.db.transaction().execute(async (trx) => {
    const units = await trx
      .selectFrom('org_units')
      .select(['id', 'name_zh'])
      .where('platform_id', '=', platformId)
      .where('kind', '!=', 'office')
      .orderBy('sort_order')
      .orderBy('name_en')
      .execute();
    const unitFields = await trx
      .selectFrom('unit_fields')
      .selectAll()
      .where('unit_id', 'in', units.length ? units.map((u) => u.id) : [''])
      .execute();
    const fieldOf = (unit: number) => unitFields.find((f) => f.unit_id === units[unit]?.id)?.field_id ?? null;
    const partners = await partnerIds(trx, ctx);
    const r = new Random(SEED);
    const disclosures = generateDisclosures(r, Math.max(units.length, 1));
    const filings = generateFilings(r, disclosures);
    const assets = generateAssets(r, disclosures);
    const agreements = generateAgreements(r, {
      disclosures,
      filings,
      assets,
      partners: partners.length,
      units: Math.max(units.length, 1),
    });
    const receipts = generateReceipts(r, agreements);
    const now = isoNow(ctx.clock);
    const dIds = disclosures.map(() => newId());
    const fIds = filings.map(() => newId());
    const aIds = assets.map(() => newId());
    const gIds = agreements.map(() => newId());
    const unitId = (u: number) => units[u]?.id ?? null;

    await insertChunked(
      trx,
      'ip_disclosures',
      disclosures.map((d) => ({
        id: dIds[d.key],
        platformId,
        unitId: unitId(d.unit),
        fieldId: fieldOf(d.unit),
        refNo: d.refNo,
        title: d.title,
        ipKind: d.ipKind,
        receivedDate: d.receivedDate,
        fundingSource: d.fundingSource,
        firstPublicDisclosureDate: d.firstPublicDisclosureDate,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertChunked(
      trx,
      'ip_inventors',
      disclosures.flatMap((d) =>
        d.inventors.map((i, n) => ({
          id: newId(),
          disclosureId: dIds[d.key],
          personId: null,
          name: i.name,
          shareBp: i.shareBp,
          sortOrder: n,
        })),
      ),
    );
    await insertChunked(
      trx,
      'ip_filings',
      filings.map((f) => ({
        id: fIds[f.key],
        platformId,
        disclosureId: dIds[f.disclosure],
        familyId: fIds[f.family],
        parentFilingId: f.parent === null ? null : fIds[f.parent],
        jurisdiction: f.jurisdiction,
        filingType: f.filingType,
        applicationNumber: f.applicationNumber,
        publicationNumber: f.publicationNumber,
        patentNumber: f.patentNumber,
        filingDate: f.filingDate,
        priorityDate: f.priorityDate,
        publicationDate: f.publicationDate,
        grantDate: f.grantDate,
        status: f.status,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertChunked(
      trx,
      'ip_other_assets',
      assets.map((a) => ({
        id: aIds[a.key],
        platformId,
        disclosureId: a.disclosure === null ? null : dIds[a.disclosure],
        kind: a.kind,
        title: a.title,
        jurisdiction: 'US',
        registrationNumber: a.registrationNumber,
        filingDate: a.filingDate,
        registrationDate: a.registrationDate,
        status: 'registered',
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertChunked(
      trx,
      'agreements',
      agreements.map((a) => ({
        id: gIds[a.key],
        platformId,
        unitId: unitId(a.unit),
        fieldId: fieldOf(a.unit),
        refNo: a.refNo,
        title: a.title,
        kind: a.kind,
        licenceKind: a.licenceKind,
        exclusivity: a.exclusivity,
        cradaClass: a.cradaClass,
        fieldOfUse: a.fieldOfUse,
        territory: a.territory,
        partnerOrgId: partners[a.partner],
        requestDate: a.requestDate,
        executionDate: a.executionDate,
        endDate: a.endDate,
        terminationDate: a.terminationDate,
        terminationReason: a.terminationReason,
        contractValueMinor: a.contractValueDollars === null ? null : a.contractValueDollars * 100,
        currency: 'USD',
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertChunked(
      trx,
      'agreement_ip',
      agreements.flatMap((a) =>
        a.links.map((l) => ({
          id: newId(),
          agreementId: gIds[a.key],
          disclosureId: l.disclosure === undefined ? null : dIds[l.disclosure],
          filingId: l.filing === undefined ? null : fIds[l.filing],
          otherAssetId: l.asset === undefined ? null : aIds[l.asset],
        })),
      ),
    );

    // Receipts, and their distribution under 15 U.S.C. 3710c: the first $2,000 a year, then 15 %, to the inventors.
    const rule = { currency: 'USD', inventorFirstMinor: 200_000, inventorShareBp: 1_500 };
    await trx
      .insertInto('distribution_rules')
      .values(
        insertRow<DistributionRulesTable>({
          platformId,
          name: '15 U.S.C. 3710c (federal laboratories)',
          currency: 'USD',
          inventorFirstMinor: rule.inventorFirstMinor,
          inventorShareBp: rule.inventorShareBp,
          updatedAt: now,
        }),
      )
      .execute();
    const inventorsOf = (agreement: number): Beneficiary[] => {
      const keys = agreements[agreement]!.links.map(
        (l) =>
          l.disclosure ??
          (l.filing !== undefined
            ? filings[l.filing]!.disclosure
            : l.asset !== undefined
              ? assets[l.asset]!.disclosure
              : null),
      ).filter((k): k is number => k !== null && k !== undefined);
      return keys.flatMap((k) =>
        disclosures[k]!.inventors.map((i) => ({ personId: null, name: i.name, weight: i.shareBp })),
      );
    };
    const receiptRows: Record<string, unknown>[] = [];
    const distributionRows: Record<string, unknown>[] = [];
    const ytd = new Map<string, number>();
    for (const x of receipts) {
      const a = agreements[x.agreement]!;
      const id = newId();
      const amount = x.dollars * 100;
      receiptRows.push({
        id,
        platformId,
        agreementId: gIds[a.key],
        receivedDate: x.receivedDate,
        amountMinor: amount,
        currency: 'USD',
        category: x.category,
        note: null,
        createdAt: now,
      });
      if (a.kind === 'crada') continue;
      const key = `${a.key}:${x.receivedDate.slice(0, 4)}`;
      const parts = distribute({
        amountMinor: amount,
        currency: 'USD',
        rule,
        yearToDateMinor: ytd.get(key) ?? 0,
        inventors: inventorsOf(a.key),
        unit: units[a.unit] ? { name: units[a.unit]!.name_zh } : null,
        platformName: 'NIST',
      });
      ytd.set(key, (ytd.get(key) ?? 0) + amount);
      for (const p of parts)
        distributionRows.push({
          id: newId(),
          receiptId: id,
          platformId,
          recipientKind: p.recipientKind,
          personId: null,
          recipientName: p.name,
          unitId: p.recipientKind === 'unit' ? unitId(a.unit) : null,
          amountMinor: p.amountMinor,
          currency: 'USD',
          receivedDate: x.receivedDate,
        });
    }
    await insertChunked(trx, 'receipts', receiptRows);
    // Written in bulk, so their monthly totals and licence figures (which the writes keep one by one) are
    // summed here.
    await rebuildReceiptMonths(trx, platformId);
    await rebuildAgreementMonths(trx, platformId);
    await rebuildIpMonths(trx, platformId);
    await rebuildLicenceFigures(trx, platformId);
    await insertChunked(trx, 'distributions', distributionRows);
    for (const [year, rate] of Object.entries(USD_CNY)) {
      const exists = await trx
        .selectFrom('fx_rates')
        .select('id')
        .where('year', '=', Number(year))
        .where('currency', '=', 'USD')
        .where('quote_currency', '=', 'CNY')
        .executeTakeFirst();
      if (!exists)
        await trx
          .insertInto('fx_rates')
          .values({
            id: newId(),
            year: Number(year),
            currency: 'USD',
            quote_currency: 'CNY',
            rate_micros: Math.round(rate * 1_000_000),
            updated_at: now,
          })
          .execute();
    }
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'demo.tech_transfer_seeded',
      entityType: 'platform',
      entityId: platformId,
      platformId,
      after: {
        disclosures: disclosures.length,
        filings: filings.length,
        otherAssets: assets.length,
        agreements: agreements.length,
        receipts: receiptRows.length,
        distributions: distributionRows.length,
        seed: SEED,
      },
    });
  });
  return true;
}
