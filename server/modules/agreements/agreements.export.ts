import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AgreementKind, Exclusivity } from '../../../common/ip.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { type AgreementSummary, agreementListQuery, platformParams } from './agreements.schema.js';
import { listAgreements } from './agreements.service.js';

const KIND: Record<AgreementKind, Bilingual> = {
  licence: ['许可', 'Licence'],
  option: ['许可选择权', 'Option'],
  crada: ['合作研发协议（CRADA）', 'CRADA'],
  assignment: ['转让', 'Assignment'],
  equity_investment: ['作价投资', 'Equity investment'],
  tech_development: ['技术开发合同', 'Technology development contract'],
  tech_consulting: ['技术咨询合同', 'Technology consulting contract'],
  tech_service: ['技术服务合同', 'Technology service contract'],
};
const EXCLUSIVITY: Record<Exclusivity, Bilingual> = {
  exclusive: ['独占许可', 'Exclusive'],
  partially_exclusive: ['排他许可', 'Partially exclusive'],
  non_exclusive: ['普通许可', 'Non-exclusive'],
};

const agreementsExportQuery = agreementListQuery.omit({ limit: true, offset: true }).extend(exportOptions);

/** A platform's agreements as XLSX, every page of listAgreements (its filters and its keeper check). */
async function agreementsWorkbook(ctx: Ctx, platformId: string, q: z.infer<typeof agreementsExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<AgreementSummary>(ctx.config, (limit, offset) =>
    listAgreements(ctx, platformId, { ...filter, limit, offset }),
  );
  return xlsxTable<AgreementSummary>(
    {
      sheet: ['协议', 'Agreements'],
      fileName: 'agreements',
      columns: [
        { title: ['协议编号', 'Reference'], value: (a) => a.refNo, width: 18 },
        { title: ['协议名称', 'Agreement title'], value: (a) => a.title, width: 40 },
        { title: ['类型', 'Kind'], value: (a) => KIND[a.kind][zh ? 0 : 1], width: 18 },
        {
          title: ['排他性', 'Exclusivity'],
          value: (a) => (a.exclusivity ? EXCLUSIVITY[a.exclusivity][zh ? 0 : 1] : ''),
        },
        {
          title: ['合作方', 'Partner'],
          value: (a) => (zh ? a.partner.nameZh : (a.partner.nameEn ?? a.partner.nameZh)),
          width: 30,
        },
        { title: ['签订日期', 'Executed'], kind: 'date', value: (a) => a.executionDate },
        { title: ['终止日期', 'Ends'], kind: 'date', value: (a) => a.endDate },
        {
          title: ['合同金额', 'Contract value'],
          kind: 'money',
          value: (a) =>
            a.contractValue && { minor: a.contractValue.amountMinor, currency: a.contractValue.currency },
          width: 18,
        },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (a) => a.updatedAt },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the agreements plugin by agreementsRoutes (after its sign-in hook). */
export function agreementExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/platforms/:platformId/agreements/export.xlsx',
    {
      schema: {
        tags: ['agreements'],
        summary:
          "A platform's agreements as XLSX, the list's filters, every page (tech-transfer officers and admins)",
        params: platformParams,
        querystring: agreementsExportQuery,
        response: { 200: download(XLSX_TYPE, 'The agreements'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await agreementsWorkbook(ctxOf(request), request.params.platformId, request.query)),
  );
}
