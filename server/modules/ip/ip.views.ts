import type { Kysely } from 'kysely';
import type { FilingStatus, FilingType, IpKind } from '../../../common/ip.js';
import type { DB } from '../../db/schema.js';
import { filingsOfDisclosures } from './ip.filings.repository.js';
import { type DisclosureRow, type FilingRow, inventorsOf, type OtherAssetRow } from './ip.repository.js';
import type { DisclosureView, FilingView, OtherAssetView } from './ip.schema.js';

export const toFilingView = (f: FilingRow): FilingView => ({
  id: f.id,
  platformId: f.platform_id,
  disclosureId: f.disclosure_id,
  familyId: f.family_id,
  parentFilingId: f.parent_filing_id,
  jurisdiction: f.jurisdiction,
  filingType: f.filing_type as FilingType,
  applicationNumber: f.application_number,
  publicationNumber: f.publication_number,
  patentNumber: f.patent_number,
  filingDate: f.filing_date,
  priorityDate: f.priority_date,
  publicationDate: f.publication_date,
  grantDate: f.grant_date,
  status: f.status as FilingStatus,
  createdAt: f.created_at,
  updatedAt: f.updated_at,
});

export const toOtherAssetView = (a: OtherAssetRow): OtherAssetView => ({
  id: a.id,
  platformId: a.platform_id,
  disclosureId: a.disclosure_id,
  kind: a.kind as OtherAssetView['kind'],
  title: a.title,
  jurisdiction: a.jurisdiction,
  registrationNumber: a.registration_number,
  filingDate: a.filing_date,
  registrationDate: a.registration_date,
  status: a.status as OtherAssetView['status'],
  createdAt: a.created_at,
});

export function disclosureSummaryOf(d: DisclosureRow, filings: FilingRow[]) {
  return {
    id: d.id,
    platformId: d.platform_id,
    refNo: d.ref_no,
    title: d.title,
    ipKind: d.ip_kind as IpKind,
    receivedDate: d.received_date,
    unitId: d.unit_id,
    fieldId: d.field_id,
    fundingSource: d.funding_source,
    firstPublicDisclosureDate: d.first_public_disclosure_date,
    filingCount: filings.length,
    grantedCount: filings.filter((f) => f.grant_date !== null).length,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

/** Full views of disclosures with inventors and filings (two queries whatever the count). */
export async function disclosureViews(db: Kysely<DB>, rows: DisclosureRow[]): Promise<DisclosureView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const inventors = await inventorsOf(db, ids);
  const filings = await filingsOfDisclosures(db, ids);
  return rows.map((d) => {
    const mine = filings.filter((f) => f.disclosure_id === d.id);
    return {
      ...disclosureSummaryOf(d, mine),
      inventors: inventors
        .filter((i) => i.disclosure_id === d.id)
        .map((i) => ({ id: i.id, personId: i.person_id, name: i.name, sharePct: i.share_bp / 100 })),
      filings: mine.map(toFilingView),
    };
  });
}
