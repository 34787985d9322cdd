import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ACTION_LABELS, ENTITY_LABELS } from '../../../common/audit-labels.js';
import { zhCNAuditLabels } from '../../../common/audit-labels.zh-CN.js';
import { download, sendFile } from '../../files/download.js';
import { exportOptions, tooManyRows, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listPlatforms } from '../platforms/platforms.service.js';
import type { AuditEntry } from './audit.repository.js';
import { auditQuery } from './audit.schema.js';
import { countAudit, listAudit } from './audit.service.js';

const auditExportQuery = auditQuery.omit({ beforeSeq: true, limit: true }).extend(exportOptions);

/** The words of the page (web/i18n/audit-labels.ts), from the same tables, in the file's language. */
function words(zh: boolean) {
  const say = (english: string) => (zh ? (zhCNAuditLabels[english] ?? english) : english);
  return {
    action: (code: string) => say(ACTION_LABELS[code] ?? 'Other action'),
    entity: (type: string) => say(ENTITY_LABELS[type] ?? 'Other object'),
    actor: (label: string) => {
      if (label === 'cli' || label === 'cli (cli)') return say('Command line on the server');
      if (label.endsWith(' (cli)'))
        return say('{{name}} (command line)').replace('{{name}}', label.slice(0, -' (cli)'.length));
      if (label === 'system') return say('System');
      if (label === 'anonymous') return say('Not signed in');
      return label;
    },
  };
}

/** The entries the caller may read, with the page's filters, newest first, as XLSX. */
async function auditWorkbook(ctx: Ctx, q: z.infer<typeof auditExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  // The size first (and the caller's check), so a list too large for one file is refused before a byte.
  const { exportPageRows: limit, exportMaxRows: max } = ctx.config;
  const total = await countAudit(ctx, filter);
  if (total > max) throw tooManyRows(max, total);
  // Then through the list's own service, page by page on the chain's sequence (the list has no offsets).
  async function* rows() {
    let beforeSeq: number | undefined;
    let seen = 0;
    do {
      const page = await listAudit(ctx, { ...filter, beforeSeq, limit });
      for (const e of page.items.slice(0, max - seen)) yield e;
      seen += page.items.length;
      beforeSeq = page.nextBeforeSeq ?? undefined;
    } while (beforeSeq && seen < max);
  }
  const platforms = new Map((await listPlatforms(ctx)).map((p) => [p.id, zh ? p.nameZh : p.nameEn]));
  const w = words(zh);
  return xlsxTable<AuditEntry>(
    {
      sheet: ['审计日志', 'Audit log'],
      fileName: 'audit-log',
      columns: [
        { title: ['序号', 'No.'], kind: 'number', value: (e) => e.seq, width: 10 },
        { title: ['时间', 'Time'], kind: 'datetime', value: (e) => e.at },
        { title: ['操作人', 'Actor'], value: (e) => w.actor(e.actorLabel), width: 18 },
        { title: ['操作', 'Action'], value: (e) => w.action(e.action), width: 24 },
        { title: ['操作代码', 'Action code'], value: (e) => e.action, width: 28 },
        { title: ['对象', 'Object'], value: (e) => w.entity(e.entityType), width: 16 },
        { title: ['对象编号', 'Object id'], value: (e) => e.entityId, width: 38 },
        {
          title: ['平台', 'Platform'],
          value: (e) => (e.platformId ? (platforms.get(e.platformId) ?? e.platformId) : ''),
          width: 30,
        },
        { title: ['原因', 'Reason'], value: (e) => e.reason, width: 30 },
        { title: ['请求编号', 'Request id'], value: (e) => e.requestId, width: 20 },
        { title: ['哈希', 'Hash'], value: (e) => e.hash, width: 66 },
      ],
      rows: rows(),
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the audit plugin by auditRoutes (after its sign-in hook). */
export function auditExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit entries I may read as XLSX, with the list filters, newest first',
        querystring: auditExportQuery,
        response: { 200: download(XLSX_TYPE, 'The audit log'), ...problemResponses },
      },
    },
    async (request, reply) => sendFile(reply, await auditWorkbook(ctxOf(request), request.query)),
  );
}
