import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RequestState, ServiceKind } from '../../../common/services.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listRequests } from './services.queue.js';
import { type RequestView, requestsQuery } from './services.schema.js';

const STATE: Record<RequestState, Bilingual> = {
  submitted: ['已提交', 'Submitted'],
  quoted: ['已报价', 'Quoted'],
  accepted: ['已接受报价', 'Quote accepted'],
  contracted: ['已签合同', 'Contracted'],
  in_progress: ['服务中', 'Work in progress'],
  delivered: ['已交付', 'Delivered'],
  rated: ['已评价', 'Rated'],
  closed: ['已关闭', 'Closed'],
  cancelled: ['已取消', 'Cancelled'],
  disputed: ['有异议', 'Disputed'],
};

const KIND: Record<ServiceKind, Bilingual> = {
  testing: ['测量测试', 'Measurement and testing'],
  calibration: ['校准', 'Calibration'],
  consulting: ['技术咨询', 'Technical consulting'],
  pilot: ['中试', 'Pilot production'],
  training: ['培训', 'Training'],
  machine_time: ['设备机时', 'Machine time'],
};

const requestsExportQuery = requestsQuery.omit({ page: true, pageSize: true }).extend(exportOptions);

/** Service requests as XLSX, every page of listRequests: its view (mine, unit, all), filters and checks. */
async function requestsWorkbook(ctx: Ctx, q: z.infer<typeof requestsExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<RequestView>(ctx.config, (limit, offset) =>
    listRequests(ctx, { ...filter, page: offset / limit + 1, pageSize: limit }),
  );
  return xlsxTable<RequestView>(
    {
      sheet: ['服务申请', 'Service requests'],
      fileName: 'service-requests',
      columns: [
        { title: ['申请编号', 'Request number'], value: (r) => r.number, width: 16 },
        {
          title: ['服务', 'Service'],
          value: (r) => (zh ? r.service.nameZh : r.service.nameEn),
          width: 32,
        },
        { title: ['服务类别', 'Service kind'], value: (r) => KIND[r.service.kind][zh ? 0 : 1], width: 16 },
        { title: ['状态', 'State'], value: (r) => STATE[r.state][zh ? 0 : 1], width: 14 },
        { title: ['逾期', 'Overdue'], value: (r) => (r.overdue ? (zh ? '是' : 'Yes') : '') },
        { title: ['数量', 'Quantity'], kind: 'number', value: (r) => r.quantity },
        {
          title: ['报价', 'Quote'],
          kind: 'money',
          value: (r) => (r.quote ? { minor: r.quote.priceMinor, currency: r.quote.currency } : null),
          width: 18,
        },
        { title: ['期望完成日期', 'Wanted by'], kind: 'date', value: (r) => r.wantedBy },
        { title: ['约定完成日期', 'Due on'], kind: 'date', value: (r) => r.quote?.dueOn },
        { title: ['交付时间', 'Delivered'], kind: 'datetime', value: (r) => r.deliveredAt },
        { title: ['评分', 'Rating'], kind: 'number', value: (r) => r.rating },
        { title: ['提交时间', 'Submitted'], kind: 'datetime', value: (r) => r.createdAt },
        { title: ['需求说明', 'Description'], value: (r) => r.description, width: 40 },
        { title: ['编号（系统）', 'ID'], value: (r) => r.id, width: 38 },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the services plugin by servicesRoutes (after its sign-in hook). */
export function serviceRequestExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/service-requests/export.xlsx',
    {
      schema: {
        tags: ['services'],
        summary:
          'Service requests as XLSX: the list view (mine, unit, all), its filters and checks, every page',
        querystring: requestsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The service requests'), ...problemResponses },
      },
    },
    async (request, reply) => sendFile(reply, await requestsWorkbook(ctxOf(request), request.query)),
  );
}
