import { APPLICATION_STATES, type ApplicationState } from '../../../common/applications.js';
import { type Bilingual, type ExportOptions, everyPage, xlsxTable } from '../../files/xlsx.js';
import type { Ctx } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';
import { unauthorized } from '../../http/errors.js';
import { type ListScope, listPage } from './applications.repository.js';
import type { ListApplicationsQuery } from './applications.schema.js';
import { summaries } from './applications.views.js';

/**
 * Only what the caller may see: the submitted applications of the platforms they are a program officer
 * or admin of (of all platforms for system admins; a draft is its applicant's until submitted), their
 * own, and those they confirmed a member's part in, drafts included. The same
 * scope serves the list, the counts and the export, so none of them can leak.
 */
function scopeOf(ctx: Ctx): ListScope {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return {
    all: actor.isSystemAdmin,
    userId: actor.userId,
    officerOf: platformIdsWithRole(actor, ['program_officer', 'platform_admin']),
  };
}

/** A page of the applications the caller may see, with the total and counts by state. */
export async function listApplications(ctx: Ctx, q: ListApplicationsQuery) {
  const { rows, total, byState } = await listPage(ctx.db, scopeOf(ctx), q);
  const counts = Object.fromEntries(APPLICATION_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of byState) counts[r.state] = r.n;
  return { items: await summaries(ctx.db, rows), total, counts };
}

const STATE: Record<ApplicationState, Bilingual> = {
  draft: ['草稿', 'Draft'],
  submitted: ['已提交', 'Submitted'],
  screening: ['形式审查', 'Screening'],
  returned: ['退回修改', 'Returned for correction'],
  rejected: ['不予受理', 'Not accepted'],
  in_review: ['评审中', 'In review'],
  approved: ['立项', 'Approved'],
  waitlisted: ['候补', 'Waitlisted'],
  declined: ['未立项', 'Declined'],
  withdrawn: ['已撤回', 'Withdrawn'],
};

type Summary = Awaited<ReturnType<typeof summaries>>[number];

/** The filtered list, every page of listApplications, as XLSX, with the same visibility as the list. */
export async function exportApplications(
  ctx: Ctx,
  q: Omit<ListApplicationsQuery, 'limit' | 'offset'> & ExportOptions,
) {
  const { lang, tz, ...filter } = q;
  const zh = lang === 'zh-CN';
  const rows = await everyPage<Summary>(ctx.config, (limit, offset) =>
    listApplications(ctx, { ...filter, limit, offset }),
  );
  return xlsxTable<Summary>(
    {
      sheet: ['申报书', 'Applications'],
      fileName: 'applications',
      columns: [
        { title: ['回执编号', 'Receipt'], value: (a) => a.receiptNo, width: 16 },
        { title: ['指南编号', 'Call'], value: (a) => a.callCode, width: 14 },
        {
          title: ['项目名称', 'Project title'],
          value: (a) => (zh ? a.titleZh : (a.titleEn ?? a.titleZh)),
          width: 40,
        },
        {
          title: ['牵头单位', 'Lead organisation'],
          value: (a) => (zh ? a.lead.nameZh : (a.lead.nameEn ?? a.lead.nameZh)),
          width: 30,
        },
        { title: ['状态', 'State'], value: (a) => STATE[a.state as ApplicationState][zh ? 0 : 1], width: 14 },
        {
          title: ['申请金额', 'Requested'],
          kind: 'money',
          value: (a) => ({ minor: a.requestedTotalMinor, currency: a.currency }),
          width: 18,
        },
        { title: ['提交时间', 'Submitted'], kind: 'datetime', value: (a) => a.submittedAt },
        { title: ['更新时间', 'Updated'], kind: 'datetime', value: (a) => a.updatedAt },
        { title: ['编号（系统）', 'ID'], value: (a) => a.id, width: 38 },
      ],
      rows,
    },
    { lang, tz },
    ctx.clock.now(),
  );
}
