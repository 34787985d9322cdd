import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ipRecordNames } from '../ip/ip.service.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import {
  type AgreementIpRow,
  type AgreementRow,
  agreementIpLinks,
  distributionsOf,
  receiptsOf,
} from './agreements.repository.js';
import type { AgreementSummary, AgreementView, ReceiptView } from './agreements.schema.js';

/** Summaries with the partner organisation (one query for all partners). */
export async function agreementSummaries(db: Kysely<DB>, rows: AgreementRow[]): Promise<AgreementSummary[]> {
  if (rows.length === 0) return [];
  const byId = await organisationsByIds(
    db,
    rows.map((r) => r.partner_org_id),
  );
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
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        smallBusiness: o.type === 'enterprise' && o.enterpriseSize === 'sme',
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
  const links = await agreementIpLinks(db, row.id);
  const ids = (k: 'disclosure_id' | 'filing_id' | 'other_asset_id') =>
    links.map((l) => l[k]).filter((x): x is string => !!x);
  const names = await ipRecordNames(db, {
    disclosureIds: ids('disclosure_id'),
    filingIds: ids('filing_id'),
    otherAssetIds: ids('other_asset_id'),
  });
  const receipts = await receiptsOf(db, row.id);
  const dist = await distributionsOf(
    db,
    receipts.map((r) => r.id),
  );
  const totals = new Map<string, number>();
  for (const r of receipts) totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.amount_minor));
  return {
    ...summary!,
    ip: links.map((l) => ({
      disclosureId: l.disclosure_id,
      filingId: l.filing_id,
      otherAssetId: l.other_asset_id,
      label: labelOf(l, names),
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

/** How a linked IP record is named in the agreement: disclosure reference and title, filing number, title. */
function labelOf(l: AgreementIpRow, names: Awaited<ReturnType<typeof ipRecordNames>>): string {
  if (l.disclosure_id) {
    const d = names.disclosures.get(l.disclosure_id);
    return `${d?.refNo ?? null} ${d?.title ?? null}`;
  }
  if (l.filing_id) {
    const f = names.filings.get(l.filing_id);
    return `${f?.jurisdiction ?? null} ${f?.patentNumber ?? f?.applicationNumber ?? ''}`.trim();
  }
  return (l.other_asset_id && names.otherAssets.get(l.other_asset_id)?.title) ?? '';
}
