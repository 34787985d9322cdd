import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { filingsOfDisclosures } from './ip.filings.repository.js';
import { type Disclosure, type Filing, inventorsOf, type OtherAsset } from './ip.repository.js';
import type { DisclosureView, FilingView, OtherAssetView } from './ip.schema.js';

export const toFilingView = (f: Filing): FilingView => ({ ...f });

export const toOtherAssetView = ({ updatedAt: _u, ...a }: OtherAsset): OtherAssetView => a;

export function disclosureSummaryOf(d: Disclosure, filings: Filing[]) {
  return {
    ...d,
    filingCount: filings.length,
    grantedCount: filings.filter((f) => f.grantDate !== null).length,
  };
}

/** Full views of disclosures with inventors and filings (two queries whatever the count). */
export async function disclosureViews(db: Kysely<DB>, rows: Disclosure[]): Promise<DisclosureView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const inventors = await inventorsOf(db, ids);
  const filings = await filingsOfDisclosures(db, ids);
  return rows.map((d) => {
    const mine = filings.filter((f) => f.disclosureId === d.id);
    return {
      ...disclosureSummaryOf(d, mine),
      inventors: inventors
        .filter((i) => i.disclosureId === d.id)
        .map(({ id, personId, name, shareBp }) => ({ id, personId, name, sharePct: shareBp / 100 })),
      filings: mine.map(toFilingView),
    };
  });
}
