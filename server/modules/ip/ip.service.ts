/**
 * What other modules may read of the ip module (docs/adr/0015): agreements link IP records and pay
 * their inventors; the technology-transfer report counts disclosures and filings. The module's own use
 * cases are ip.disclosures.ts and ip.filings.ts.
 */

export { docket } from './ip.docket.js';
export { ipMonthsRecount, rebuildIpMonths } from './ip.months.repository.js';
export {
  disclosureIdsBehind,
  type IpRecordKind,
  ipRecordExistsOn,
  ipRecordNames,
} from './ip.records.repository.js';
export { inventorsByDisclosure } from './ip.repository.js';
export {
  disclosureCounts,
  filingCounts,
  filingsByYear,
  latestDisclosureDate,
} from './ip.stats.repository.js';
