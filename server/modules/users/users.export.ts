import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Role } from '../../../common/roles.js';
import { download, sendFile } from '../../files/download.js';
import { type Bilingual, everyPage, exportOptions, XLSX_TYPE, xlsxTable } from '../../files/xlsx.js';
import { ctxOf } from '../../http/auth.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listPlatforms } from '../platforms/platforms.service.js';
import { listUsersQuery, type UserView } from './users.schema.js';
import { listUsers } from './users.service.js';

const ROLE: Record<Role, Bilingual> = {
  platform_admin: ['平台管理员', 'Platform admin'],
  supervisor: ['主管部门', 'Supervisor'],
  lab_director: ['实验室主任', 'Lab director'],
  researcher: ['研究人员', 'Researcher'],
  program_officer: ['项目主管', 'Program officer'],
  applicant: ['申请人', 'Applicant'],
  expert: ['评审专家', 'Expert'],
  tech_transfer_officer: ['成果转化专员', 'Tech-transfer officer'],
  enterprise_user: ['企业用户', 'Enterprise user'],
};

const usersExportQuery = listUsersQuery.omit({ limit: true, offset: true }).extend(exportOptions);

/** The accounts the caller may manage as XLSX, every page of listUsers (its filters and scope). */
async function usersWorkbook(ctx: Ctx, q: z.infer<typeof usersExportQuery>) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<UserView>(ctx.config, (limit, offset) =>
    listUsers(ctx, { ...filter, limit, offset }),
  );
  const codes = new Map((await listPlatforms(ctx)).map((p) => [p.id, p.code]));
  const yes = (b: boolean) => (b ? (zh ? '是' : 'Yes') : '');
  return xlsxTable<UserView>(
    {
      sheet: ['用户', 'Users'],
      fileName: 'users',
      columns: [
        { title: ['用户名', 'Username'], value: (u) => u.username, width: 18 },
        { title: ['显示名', 'Display name'], value: (u) => u.displayName, width: 20 },
        { title: ['电子邮箱', 'E-mail'], value: (u) => u.email, width: 28 },
        {
          title: ['平台角色', 'Platform roles'],
          value: (u) =>
            u.roles.map((r) => `${codes.get(r.platformId) ?? ''} ${ROLE[r.role][zh ? 0 : 1]}`).join('; '),
          width: 36,
        },
        { title: ['系统管理员', 'System admin'], value: (u) => yes(u.isSystemAdmin) },
        { title: ['安全管理员', 'Security admin'], value: (u) => yes(u.isSecurityAdmin) },
        { title: ['审计管理员', 'Audit admin'], value: (u) => yes(u.isAuditAdmin) },
        {
          title: ['状态', 'Status'],
          value: (u) => (u.disabled ? (zh ? '已停用' : 'Disabled') : zh ? '正常' : 'Active'),
        },
        { title: ['创建时间', 'Created'], kind: 'datetime', value: (u) => u.createdAt },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}

/** The export route, added to the users plugin by usersRoutes (after its sign-in hook). */
export function userExportRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/users/export.xlsx',
    {
      schema: {
        tags: ['users'],
        summary: 'The accounts I may manage as XLSX, with the list filters, every page',
        querystring: usersExportQuery,
        response: { 200: download(XLSX_TYPE, 'The users'), ...problemResponses },
      },
    },
    async (request, reply) => sendFile(reply, await usersWorkbook(ctxOf(request), request.query)),
  );
}
