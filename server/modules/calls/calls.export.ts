import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { CallEffectiveState } from '../../../common/calls.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { platformCallsParams, type StaffCallList, staffCallsQuery } from './calls.schema.js';
import { listStaffCalls } from './calls.views.js';

const STATE: Record<CallEffectiveState, Bilingual> = {
  draft: ['草稿', 'Draft'],
  upcoming: ['即将开始', 'Upcoming'],
  open: ['受理中', 'Open'],
  closed: ['已关闭', 'Closed'],
  reviewing: ['评审中', 'Under review'],
  decided: ['已决定', 'Decided'],
  archived: ['已归档', 'Archived'],
};

const callsExportQuery = staffCallsQuery.omit({ page: true, pageSize: true }).extend(exportOptions);
type Call = StaffCallList['items'][number];

/** A platform's calls as XLSX, through listStaffCalls: its filters and its check (the call staff). */
async function callsWorkbook(ctx: Ctx, platformId: string, q: z.infer<typeof callsExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<Call>(ctx.config, async (limit, offset) =>
    listStaffCalls(ctx, platformId, { ...filter, page: offset / limit + 1, pageSize: limit }),
  );
  const money = (c: Call, minor: number) => ({ minor, currency: c.currency });
  return xlsxTable<Call>(
    {
      sheet: ['申报指南', 'Calls'],
      fileName: 'calls',
      columns: [
        { title: ['编号', 'Code'], value: (c) => c.code, width: 18 },
        { title: ['指南名称', 'Call title'], value: (c) => (zh ? c.titleZh : c.titleEn), width: 40 },
        { title: ['状态', 'State'], value: (c) => STATE[c.effectiveState][zh ? 0 : 1] },
        { title: ['开始受理', 'Opens'], kind: 'datetime', value: (c) => c.opensAt },
        { title: ['截止时间', 'Closes'], kind: 'datetime', value: (c) => c.closesAt },
        { title: ['总预算', 'Total budget'], kind: 'money', value: (c) => money(c, c.budgetTotalMinor) },
        {
          title: ['单项上限', 'Ceiling per application'],
          kind: 'money',
          value: (c) => money(c, c.ceilingMinor),
        },
        {
          title: ['技术领域', 'Fields'],
          value: (c) => c.fields.map((f) => (zh ? f.nameZh : f.nameEn)).join('; '),
          width: 24,
        },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (c) => c.updatedAt },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the calls plugin by callsRoutes (after its sign-in hook). */
export function callExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/platforms/:platformId/calls/export.xlsx',
    {
      schema: {
        tags: ['calls'],
        summary: "A platform's calls as XLSX, with the staff list's filters (program officers and admins)",
        params: platformCallsParams,
        querystring: callsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The calls'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await callsWorkbook(ctxOf(request), request.params.platformId, request.query)),
  );
}
