// The IP pipeline, agreements, receipts and tech-transfer reports (issue 6). Shapes are the server's zod
// schemas (type-only imports: no zod code reaches the browser).
import type { z } from 'zod';
import type {
  agreementList,
  agreementListQuery,
  agreementSummary,
  agreementView,
  createAgreementBody,
  createReceiptBody,
  distributionRuleBody,
  distributionRuleView,
  receiptView,
  updateAgreementBody,
} from '../../server/modules/agreements/agreements.schema.js';
import type {
  createDisclosureBody,
  createFilingBody,
  createOtherAssetBody,
  disclosureList,
  disclosureSummary,
  disclosureView,
  docketEntry,
  docketView,
  filingList,
  filingView,
  otherAssetList,
  otherAssetView,
  updateDisclosureBody,
  updateFilingBody,
} from '../../server/modules/ip/ip.schema.js';
import type { reportQuery, reportView } from '../../server/modules/ttreports/ttreports.schema.js';
import { download, request } from './client.js';

export type DisclosureSummary = z.infer<typeof disclosureSummary>;
export type DisclosureView = z.infer<typeof disclosureView>;
export type DisclosureList = z.infer<typeof disclosureList>;
export type CreateDisclosureBody = z.input<typeof createDisclosureBody>;
export type UpdateDisclosureBody = z.input<typeof updateDisclosureBody>;
export type FilingView = z.infer<typeof filingView>;
export type FilingList = z.infer<typeof filingList>;
export type CreateFilingBody = z.input<typeof createFilingBody>;
export type UpdateFilingBody = z.input<typeof updateFilingBody>;
export type OtherAssetView = z.infer<typeof otherAssetView>;
export type OtherAssetList = z.infer<typeof otherAssetList>;
export type CreateOtherAssetBody = z.input<typeof createOtherAssetBody>;
export type DocketEntry = z.infer<typeof docketEntry>;
export type DocketView = z.infer<typeof docketView>;
export type AgreementSummary = z.infer<typeof agreementSummary>;
export type AgreementView = z.infer<typeof agreementView>;
export type AgreementList = z.infer<typeof agreementList>;
export type AgreementListQuery = z.input<typeof agreementListQuery>;
export type CreateAgreementBody = z.input<typeof createAgreementBody>;
export type UpdateAgreementBody = z.input<typeof updateAgreementBody>;
export type CreateReceiptBody = z.input<typeof createReceiptBody>;
export type ReceiptView = z.infer<typeof receiptView>;
export type DistributionRuleBody = z.input<typeof distributionRuleBody>;
export type DistributionRuleView = z.infer<typeof distributionRuleView>;
export type TtReport = z.infer<typeof reportView>;
export type TtReportQuery = z.input<typeof reportQuery>;
export type ExportLang = 'zh-CN' | 'en-US';

const p = (platformId: string) => `/api/platforms/${encodeURIComponent(platformId)}`;
const id = (s: string) => encodeURIComponent(s);
type Q = Record<string, string | number | boolean | undefined | null>;

export const ttApi = {
  // IP pipeline
  disclosures: (
    platformId: string,
    query: {
      q?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      limit?: number;
      offset?: number;
    } = {},
  ) => request<DisclosureList>('GET', `${p(platformId)}/ip/disclosures`, { query }),
  disclosure: (disclosureId: string) =>
    request<DisclosureView>('GET', `/api/ip/disclosures/${id(disclosureId)}`),
  createDisclosure: (platformId: string, body: CreateDisclosureBody) =>
    request<DisclosureView>('POST', `${p(platformId)}/ip/disclosures`, { body }),
  updateDisclosure: (disclosureId: string, body: UpdateDisclosureBody) =>
    request<DisclosureView>('PATCH', `/api/ip/disclosures/${id(disclosureId)}`, { body }),
  createFiling: (disclosureId: string, body: CreateFilingBody) =>
    request<FilingView>('POST', `/api/ip/disclosures/${id(disclosureId)}/filings`, { body }),
  updateFiling: (filingId: string, body: UpdateFilingBody) =>
    request<FilingView>('PATCH', `/api/ip/filings/${id(filingId)}`, { body }),
  filings: (
    platformId: string,
    query: {
      q?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      grantedFrom?: string | undefined;
      grantedTo?: string | undefined;
      limit?: number;
      offset?: number;
    } = {},
  ) => request<FilingList>('GET', `${p(platformId)}/ip/filings`, { query }),
  otherAssets: (platformId: string) => request<OtherAssetList>('GET', `${p(platformId)}/ip/other-assets`),
  createOtherAsset: (platformId: string, body: CreateOtherAssetBody) =>
    request<OtherAssetView>('POST', `${p(platformId)}/ip/other-assets`, { body }),
  docket: (platformId: string, query: { from?: string; to?: string } = {}) =>
    request<DocketView>('GET', `${p(platformId)}/ip/docket`, { query }),

  // Agreements and receipts
  agreements: (platformId: string, query: AgreementListQuery = {}) =>
    request<AgreementList>('GET', `${p(platformId)}/agreements`, { query: query as Q }),
  agreement: (agreementId: string) => request<AgreementView>('GET', `/api/agreements/${id(agreementId)}`),
  createAgreement: (platformId: string, body: CreateAgreementBody) =>
    request<AgreementView>('POST', `${p(platformId)}/agreements`, { body }),
  updateAgreement: (agreementId: string, body: UpdateAgreementBody) =>
    request<AgreementView>('PATCH', `/api/agreements/${id(agreementId)}`, { body }),
  createReceipt: (agreementId: string, body: CreateReceiptBody) =>
    request<ReceiptView>('POST', `/api/agreements/${id(agreementId)}/receipts`, { body }),
  distributionRule: (platformId: string) =>
    request<DistributionRuleView>('GET', `${p(platformId)}/distribution-rule`),
  setDistributionRule: (platformId: string, body: DistributionRuleBody) =>
    request<DistributionRuleView>('PUT', `${p(platformId)}/distribution-rule`, { body }),

  // Reports
  report: (platformId: string, query: TtReportQuery) =>
    request<TtReport>('GET', `${p(platformId)}/reports/tech-transfer`, { query: query as Q }),
  reportFile: (platformId: string, format: 'xlsx' | 'pdf', query: TtReportQuery & { lang: ExportLang }) =>
    download(`${p(platformId)}/reports/tech-transfer.${format}`, query as Q),
};
