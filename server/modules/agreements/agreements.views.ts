import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ipRecordNames } from '../ip/ip.service.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import {
  type Agreement,
  type AgreementIpLink,
  agreementIpLinks,
  distributionsOf,
  receiptsOf,
} from './agreements.repository.js';
import type { AgreementSummary, AgreementView, ReceiptView } from './agreements.schema.js';

/** Summaries with the partner organisation (one query for all partners). */
export async function agreementSummaries(db: Kysely<DB>, rows: Agreement[]): Promise<AgreementSummary[]> {
  if (rows.length === 0) return [];
  const byId = await organisationsByIds(
    db,
    rows.map((r) => r.partnerOrgId),
  );
  return rows.map(({ partnerOrgId, contractValueMinor, ...a }) => {
    const o = byId.get(partnerOrgId)!;
    return {
      ...a,
      partner: {
        id: o.id,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        smallBusiness: o.type === 'enterprise' && o.enterpriseSize === 'sme',
      },
      contractValue:
        contractValueMinor === null ? null : { amountMinor: contractValueMinor, currency: a.currency },
    };
  });
}

/** One agreement with its IP links, receipts (and their distribution) and totals received by currency. */
export async function agreementView(db: Kysely<DB>, agreement: Agreement): Promise<AgreementView> {
  const [summary] = await agreementSummaries(db, [agreement]);
  const links = await agreementIpLinks(db, agreement.id);
  const ids = (k: 'disclosureId' | 'filingId' | 'otherAssetId') =>
    links.map((l) => l[k]).filter((x): x is string => !!x);
  const names = await ipRecordNames(db, {
    disclosureIds: ids('disclosureId'),
    filingIds: ids('filingId'),
    otherAssetIds: ids('otherAssetId'),
  });
  const receipts = await receiptsOf(db, agreement.id);
  const dist = await distributionsOf(
    db,
    receipts.map((r) => r.id),
  );
  const totals = new Map<string, number>();
  for (const r of receipts) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
  return {
    ...summary!,
    ip: links.map((l) => ({
      disclosureId: l.disclosureId,
      filingId: l.filingId,
      otherAssetId: l.otherAssetId,
      label: labelOf(l, names),
    })),
    receipts: receipts.map(
      ({ platformId: _p, amountMinor, currency, ...r }): ReceiptView => ({
        ...r,
        amount: { amountMinor, currency },
        distributions: dist
          .filter((d) => d.receiptId === r.id)
          .map(({ id, recipientKind, personId, unitId, recipientName, amountMinor, currency }) => ({
            id,
            recipientKind,
            personId,
            unitId,
            recipientName,
            amount: { amountMinor, currency },
          })),
      }),
    ),
    received: [...totals].sort().map(([currency, amountMinor]) => ({ amountMinor, currency })),
  };
}

/** How a linked IP record is named in the agreement: disclosure reference and title, filing number, title. */
function labelOf(l: AgreementIpLink, names: Awaited<ReturnType<typeof ipRecordNames>>): string {
  if (l.disclosureId) {
    const d = names.disclosures.get(l.disclosureId);
    return `${d?.refNo ?? null} ${d?.title ?? null}`;
  }
  if (l.filingId) {
    const f = names.filings.get(l.filingId);
    return `${f?.jurisdiction ?? null} ${f?.patentNumber ?? f?.applicationNumber ?? ''}`.trim();
  }
  return (l.otherAssetId && names.otherAssets.get(l.otherAssetId)?.title) ?? '';
}
