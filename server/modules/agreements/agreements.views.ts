import type { Kysely, Selectable } from 'kysely';
import type { AgreementsTable, DB } from '../../db/schema.js';
import type { AgreementSummary, AgreementView, ReceiptView } from './agreements.schema.js';

export type AgreementRow = Selectable<AgreementsTable>;

/** Summaries with the partner organisation (one query for all partners). */
export async function agreementSummaries(db: Kysely<DB>, rows: AgreementRow[]): Promise<AgreementSummary[]> {
  if (rows.length === 0) return [];
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name_zh', 'name_en', 'type', 'enterprise_size'])
    .where('id', 'in', [...new Set(rows.map((r) => r.partner_org_id))])
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((a) => {
    const o = byId.get(a.partner_org_id)!;
    return {
      id: a.id,
      platformId: a.platform_id,
      refNo: a.ref_no,
      title: a.title,
      kind: a.kind as AgreementSummary['kind'],
      licenceKind: a.licence_kind as AgreementSummary['licenceKind'],
      exclusivity: a.exclusivity as AgreementSummary['exclusivity'],
      cradaClass: a.crada_class as AgreementSummary['cradaClass'],
      fieldOfUse: a.field_of_use,
      territory: a.territory,
      partner: {
        id: o.id,
        nameZh: o.name_zh,
        nameEn: o.name_en,
        smallBusiness: o.type === 'enterprise' && o.enterprise_size === 'sme',
      },
      unitId: a.unit_id,
      fieldId: a.field_id,
      requestDate: a.request_date,
      executionDate: a.execution_date,
      endDate: a.end_date,
      terminationDate: a.termination_date,
      terminationReason: a.termination_reason as AgreementSummary['terminationReason'],
      contractValue:
        a.contract_value_minor === null
          ? null
          : { amountMinor: Number(a.contract_value_minor), currency: a.currency },
      currency: a.currency,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    };
  });
}

/** One agreement with its IP links, receipts (and their distribution) and totals received by currency. */
export async function agreementView(db: Kysely<DB>, row: AgreementRow): Promise<AgreementView> {
  const [summary] = await agreementSummaries(db, [row]);
  const links = await db
    .selectFrom('agreement_ip')
    .leftJoin('ip_disclosures', 'ip_disclosures.id', 'agreement_ip.disclosure_id')
    .leftJoin('ip_filings', 'ip_filings.id', 'agreement_ip.filing_id')
    .leftJoin('ip_other_assets', 'ip_other_assets.id', 'agreement_ip.other_asset_id')
    .select([
      'agreement_ip.disclosure_id',
      'agreement_ip.filing_id',
      'agreement_ip.other_asset_id',
      'ip_disclosures.ref_no',
      'ip_disclosures.title as disclosure_title',
      'ip_filings.jurisdiction',
      'ip_filings.application_number',
      'ip_filings.patent_number',
      'ip_other_assets.title as asset_title',
    ])
    .where('agreement_ip.agreement_id', '=', row.id)
    .orderBy('agreement_ip.id')
    .execute();
  const receipts = await db
    .selectFrom('receipts')
    .selectAll()
    .where('agreement_id', '=', row.id)
    .orderBy('received_date')
    .orderBy('id')
    .execute();
  const dist = receipts.length
    ? await db
        .selectFrom('distributions')
        .selectAll()
        .where(
          'receipt_id',
          'in',
          receipts.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const totals = new Map<string, number>();
  for (const r of receipts) totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.amount_minor));
  return {
    ...summary!,
    ip: links.map((l) => ({
      disclosureId: l.disclosure_id,
      filingId: l.filing_id,
      otherAssetId: l.other_asset_id,
      label: l.disclosure_id
        ? `${l.ref_no} ${l.disclosure_title}`
        : l.filing_id
          ? `${l.jurisdiction} ${l.patent_number ?? l.application_number ?? ''}`.trim()
          : (l.asset_title ?? ''),
    })),
    receipts: receipts.map(
      (r): ReceiptView => ({
        id: r.id,
        agreementId: r.agreement_id,
        receivedDate: r.received_date,
        amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
        category: r.category as ReceiptView['category'],
        note: r.note,
        createdAt: r.created_at,
        distributions: dist
          .filter((d) => d.receipt_id === r.id)
          .map((d) => ({
            id: d.id,
            recipientKind: d.recipient_kind as 'inventor' | 'unit' | 'platform',
            personId: d.person_id,
            unitId: d.unit_id,
            recipientName: d.recipient_name,
            amount: { amountMinor: Number(d.amount_minor), currency: d.currency },
          })),
      }),
    ),
    received: [...totals].sort().map(([currency, amountMinor]) => ({ amountMinor, currency })),
  };
}
