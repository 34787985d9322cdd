import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ResultState, ResultType, ResultVisibility } from '../../../common/results.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listResults } from './results.catalog.js';
import { staffListQuery } from './results.schema.js';

const TYPE: Record<ResultType, Bilingual> = {
  technology: ['可许可技术', 'Technology for licensing'],
  publication: ['论文与出版物', 'Publication'],
  standard: ['标准', 'Standard'],
  reference_material: ['标准物质/参考数据', 'Reference material or data'],
  software: ['软件', 'Software'],
  dataset: ['数据集', 'Dataset'],
};
const STATE: Record<ResultState, Bilingual> = {
  draft: ['草稿', 'Draft'],
  published: ['已发布', 'Published'],
  withdrawn: ['已撤回', 'Withdrawn'],
};
const VISIBILITY: Record<ResultVisibility, Bilingual> = {
  public: ['公开', 'Public'],
  internal: ['内部', 'Internal'],
};

export const resultsExportQuery = staffListQuery.omit({ page: true, pageSize: true }).extend(exportOptions);
type Row = Awaited<ReturnType<typeof listResults>>['items'][number];

/** The staff catalog as XLSX, every page of listResults: its filters and the platforms the caller reads. */
async function resultsWorkbook(ctx: Ctx, q: z.infer<typeof resultsExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<Row>(ctx.config, (limit, offset) =>
    listResults(ctx, { ...filter, page: offset / limit + 1, pageSize: limit }),
  );
  const say = (b: Bilingual) => b[zh ? 0 : 1];
  const name = (n: { nameZh: string; nameEn: string } | null) => (n ? (zh ? n.nameZh : n.nameEn) : '');
  return xlsxTable<Row>(
    {
      sheet: ['成果库', 'Results'],
      fileName: 'results',
      columns: [
        { title: ['成果名称', 'Title'], value: (r) => (zh ? r.titleZh : r.titleEn), width: 40 },
        { title: ['类型', 'Type'], value: (r) => say(TYPE[r.type]), width: 18 },
        { title: ['状态', 'State'], value: (r) => say(STATE[r.state]) },
        { title: ['可见范围', 'Visibility'], value: (r) => say(VISIBILITY[r.visibility]) },
        { title: ['技术就绪水平', 'TRL'], kind: 'number', value: (r) => r.trl?.level },
        { title: ['年份', 'Year'], kind: 'number', value: (r) => r.year },
        { title: ['平台', 'Platform'], value: (r) => name(r.platform), width: 30 },
        { title: ['单位', 'Unit'], value: (r) => name(r.unit), width: 30 },
        {
          title: ['技术领域', 'Fields'],
          value: (r) => r.fields.map((f) => (zh ? f.nameZh : f.nameEn)).join('; '),
          width: 24,
        },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (r) => r.updatedAt },
        { title: ['编号（系统）', 'ID'], value: (r) => r.id, width: 38 },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The list's export route, added to the results plugin by resultsRoutes (after its sign-in hook). */
export function resultExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/results/export.xlsx',
    {
      schema: {
        tags: ['results'],
        summary: 'The staff catalog as XLSX: the list filters and the platforms the caller reads, every page',
        querystring: resultsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The results'), ...problemResponses },
      },
    },
    async (request, reply) => sendFile(reply, await resultsWorkbook(ctxOf(request), request.query)),
  );
}
