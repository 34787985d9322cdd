import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { FilingStatus, FilingType, IpKind } from '../../../common/ip.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listDisclosures } from './ip.disclosures.js';
import { listFilings } from './ip.filings.js';
import {
  type disclosureSummary,
  type FilingView,
  filingListQuery,
  listQuery,
  platformParams,
} from './ip.schema.js';

const IP_KIND: Record<IpKind, Bilingual> = {
  patentable: ['可专利发明', 'Patentable invention'],
  software: ['软件', 'Software'],
  material: ['材料/研究工具', 'Material / research tool'],
  trademark: ['商标', 'Trademark'],
  know_how: ['技术秘密', 'Know-how'],
};
const FILING_TYPE: Record<FilingType, Bilingual> = {
  provisional: ['临时申请', 'Provisional'],
  utility: ['发明/实用新型申请', 'Utility / invention'],
  pct: ['PCT 国际申请', 'PCT'],
  continuation: ['延续申请', 'Continuation'],
  divisional: ['分案申请', 'Divisional'],
  national_phase: ['进入国家阶段', 'National phase'],
};
const FILING_STATUS: Record<FilingStatus, Bilingual> = {
  pending: ['审查中', 'Pending'],
  granted: ['已授权', 'Granted'],
  abandoned: ['已放弃', 'Abandoned'],
  expired: ['已过期', 'Expired'],
};

const ipExportQuery = listQuery.omit({ limit: true, offset: true }).extend(exportOptions);
/** Filings also by grant date, as their list (a drilled list exports what it shows). */
const filingsExportQuery = filingListQuery.omit({ limit: true, offset: true }).extend(exportOptions);
type Query = z.infer<typeof ipExportQuery>;
type FilingsQuery = z.infer<typeof filingsExportQuery>;
type Disclosure = z.infer<typeof disclosureSummary>;

/** A platform's invention disclosures as XLSX, every page of listDisclosures (filters, keeper check). */
async function disclosuresWorkbook(ctx: Ctx, platformId: string, q: Query) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<Disclosure>(ctx.config, (limit, offset) =>
    listDisclosures(ctx, platformId, { ...filter, limit, offset }),
  );
  return xlsxTable<Disclosure>(
    {
      sheet: ['发明披露', 'Disclosures'],
      fileName: 'disclosures',
      columns: [
        { title: ['披露编号', 'Reference'], value: (d) => d.refNo, width: 18 },
        { title: ['发明名称', 'Invention title'], value: (d) => d.title, width: 40 },
        { title: ['类型', 'Kind'], value: (d) => IP_KIND[d.ipKind][zh ? 0 : 1], width: 18 },
        { title: ['收到日期', 'Received'], kind: 'date', value: (d) => d.receivedDate },
        {
          title: ['首次公开日期', 'First public disclosure'],
          kind: 'date',
          value: (d) => d.firstPublicDisclosureDate,
        },
        { title: ['资助来源', 'Funding source'], value: (d) => d.fundingSource, width: 20 },
        { title: ['专利申请数', 'Filings'], kind: 'number', value: (d) => d.filingCount },
        { title: ['授权数', 'Granted'], kind: 'number', value: (d) => d.grantedCount },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (d) => d.updatedAt },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** A platform's patent filings as XLSX, every page of listFilings (filters, keeper check). */
async function filingsWorkbook(ctx: Ctx, platformId: string, q: FilingsQuery) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<FilingView>(ctx.config, (limit, offset) =>
    listFilings(ctx, platformId, { ...filter, limit, offset }),
  );
  return xlsxTable<FilingView>(
    {
      sheet: ['专利申请', 'Filings'],
      fileName: 'filings',
      columns: [
        { title: ['申请号', 'Application number'], value: (f) => f.applicationNumber, width: 20 },
        { title: ['专利号', 'Patent number'], value: (f) => f.patentNumber, width: 18 },
        { title: ['同族编号', 'Family'], value: (f) => f.familyId, width: 14 },
        { title: ['国家/地区', 'Jurisdiction'], value: (f) => f.jurisdiction },
        {
          title: ['申请类型', 'Filing type'],
          value: (f) => FILING_TYPE[f.filingType][zh ? 0 : 1],
          width: 18,
        },
        { title: ['状态', 'Status'], value: (f) => FILING_STATUS[f.status][zh ? 0 : 1] },
        { title: ['申请日', 'Filed'], kind: 'date', value: (f) => f.filingDate },
        { title: ['优先权日', 'Priority date'], kind: 'date', value: (f) => f.priorityDate },
        { title: ['公开日', 'Published'], kind: 'date', value: (f) => f.publicationDate },
        { title: ['授权日', 'Granted'], kind: 'date', value: (f) => f.grantDate },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

const MANAGERS = "(the platform's tech-transfer officers and admins)";

/** The export routes, added to the IP plugin by ipRoutes (after its sign-in hook). */
export function ipExportRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ip'];
  typed.get(
    '/api/platforms/:platformId/ip/disclosures/export.xlsx',
    {
      schema: {
        tags,
        summary: `Invention disclosures as XLSX, the list's filters, every page ${MANAGERS}`,
        params: platformParams,
        querystring: ipExportQuery,
        response: { 200: download(XLSX_TYPE, 'The disclosures'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await disclosuresWorkbook(ctxOf(request), request.params.platformId, request.query)),
  );
  typed.get(
    '/api/platforms/:platformId/ip/filings/export.xlsx',
    {
      schema: {
        tags,
        summary: `Patent filings as XLSX, the list's filters, every page ${MANAGERS}`,
        params: platformParams,
        querystring: filingsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The filings'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await filingsWorkbook(ctxOf(request), request.params.platformId, request.query)),
  );
}
