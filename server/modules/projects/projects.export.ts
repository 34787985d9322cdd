import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ProjectKind } from '../../../common/calls.js';
import type { ProjectState } from '../../../common/projects.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { type ProjectView, platformProjectsParams, projectsQuery } from './projects.schema.js';
import { listProjects } from './projects.service.js';

const KIND: Record<ProjectKind, Bilingual> = {
  intramural: ['内部研究', 'Intramural'],
  extramural: ['外部计划', 'Extramural'],
};
const STATE: Record<ProjectState, Bilingual> = {
  approved: ['立项', 'Approved'],
  contracting: ['任务书', 'Contracting'],
  in_progress: ['执行中', 'In progress'],
  interim_check: ['中期检查', 'Interim check'],
  final_acceptance: ['结题验收', 'Final acceptance'],
  rectification: ['整改', 'Rectification'],
  closed: ['结题', 'Closed'],
  evaluated: ['绩效评价', 'Evaluated'],
  suspended: ['暂停', 'Suspended'],
  terminated: ['终止', 'Terminated'],
};

export const projectsExportQuery = projectsQuery.omit({ page: true, pageSize: true }).extend(exportOptions);

/** The projects list as XLSX: its filters, every page, through listProjects (so its visibility). */
async function projectsWorkbook(ctx: Ctx, platformId: string, q: z.infer<typeof projectsExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<ProjectView>(ctx.config, (limit, offset) =>
    listProjects(ctx, platformId, { ...filter, page: offset / limit + 1, pageSize: limit }),
  );
  const name = (n: { nameZh: string; nameEn: string | null } | null) =>
    n ? (zh ? n.nameZh : (n.nameEn ?? n.nameZh)) : '';
  return xlsxTable<ProjectView>(
    {
      sheet: ['项目', 'Projects'],
      fileName: 'projects',
      columns: [
        { title: ['项目编号', 'Code'], value: (p) => p.code, width: 18 },
        { title: ['项目名称', 'Title'], value: (p) => (zh ? p.titleZh : p.titleEn), width: 40 },
        { title: ['类别', 'Kind'], value: (p) => KIND[p.kind][zh ? 0 : 1] },
        { title: ['承担单位', 'Unit'], value: (p) => name(p.unit), width: 24 },
        { title: ['牵头单位', 'Lead organisation'], value: (p) => name(p.leadOrg), width: 24 },
        { title: ['状态', 'State'], value: (p) => STATE[p.state][zh ? 0 : 1] },
        {
          title: ['预算', 'Budget'],
          kind: 'money',
          value: (p) => ({ minor: p.budgetMinor, currency: p.currency }),
          width: 18,
        },
        { title: ['开始日期', 'Starts'], kind: 'date', value: (p) => p.startsOn },
        { title: ['结束日期', 'Ends'], kind: 'date', value: (p) => p.endsOn },
        {
          title: ['技术领域', 'Fields'],
          value: (p) => p.fields.map((f) => (zh ? f.nameZh : f.nameEn)).join('; '),
          width: 24,
        },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (p) => p.updatedAt },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the projects plugin by projectsRoutes (after its sign-in hook). */
export function projectExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/platforms/:platformId/projects/export.xlsx',
    {
      schema: {
        tags: ['projects'],
        summary: 'The projects list as XLSX: the same filters and visibility, every page',
        params: platformProjectsParams,
        querystring: projectsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The projects'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await projectsWorkbook(ctxOf(request), request.params.platformId, request.query)),
  );
}
