// The XLSX exports of the lists (issue 12): each takes its list's filters and the reader's language and zone.
import type { ExportOptions } from '../../common/export-options.js';
import { type DownloadedFile, download } from './client.js';

type Filters = Record<string, string | number | undefined>;
const enc = encodeURIComponent;
const on = (platformId: string, path: string) => `/api/platforms/${enc(platformId)}/${path}/export.xlsx`;
const file = (url: string, filters: Filters, opts: ExportOptions): Promise<DownloadedFile> =>
  download(url, { ...filters, ...opts });

export const exportsApi = {
  applications: (filters: Filters, opts: ExportOptions) =>
    file('/api/applications/export.xlsx', filters, opts),
  projects: (platformId: string, filters: Filters, opts: ExportOptions) =>
    file(on(platformId, 'projects'), filters, opts),
  calls: (platformId: string, filters: Filters, opts: ExportOptions) =>
    file(on(platformId, 'calls'), filters, opts),
  agreements: (platformId: string, filters: Filters, opts: ExportOptions) =>
    file(on(platformId, 'agreements'), filters, opts),
  disclosures: (platformId: string, filters: Filters, opts: ExportOptions) =>
    file(on(platformId, 'ip/disclosures'), filters, opts),
  filings: (platformId: string, filters: Filters, opts: ExportOptions) =>
    file(on(platformId, 'ip/filings'), filters, opts),
  users: (filters: Filters, opts: ExportOptions) => file('/api/users/export.xlsx', filters, opts),
  audit: (filters: Filters, opts: ExportOptions) => file('/api/audit/export.xlsx', filters, opts),
  results: (filters: Filters, opts: ExportOptions) => file('/api/results/export.xlsx', filters, opts),
  serviceRequests: (filters: Filters, opts: ExportOptions) =>
    file('/api/service-requests/export.xlsx', filters, opts),
};
