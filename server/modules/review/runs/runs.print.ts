import { count, type ExportDoc, text } from '../../../../common/report-doc.js';
import type { ExpertCategory } from '../../../../common/review.js';
import { formatInZone } from '../../../../common/time-format.js';
import { printablePdf } from '../../../files/pdf.js';
import type { ExportOptions } from '../../../files/xlsx.js';
import type { Ctx } from '../../../http/context.js';
import { loadCall } from '../../calls/calls.lookup.js';
import { findAccountById } from '../../users/users.accounts.js';
import { expertPersonNames } from '../experts/experts.service.js';
import { storedInstance, storedResult } from './runs.repository.js';
import { runOf } from './runs.service.js';
import { applicationLabels } from './runs.views.js';

type Pair = readonly [string, string];
const MODE: Record<string, Pair> = {
  optimal: ['最优分配', 'Optimised'],
  random: ['随机抽取', 'Random draw'],
  hybrid: ['混合', 'Hybrid'],
};
const STATE: Record<string, Pair> = {
  draft: ['草稿', 'Draft'],
  published: ['已发布', 'Published'],
  discarded: ['已作废', 'Discarded'],
};
const CATEGORY: Record<ExpertCategory, Pair> = {
  academic: ['学术界', 'Academic'],
  industry: ['产业界', 'Industry'],
  lab: ['实验室', 'Laboratory'],
};

/**
 * The 专家抽取结果表 of one assignment run, for the call's officers only (the run's own check): how the
 * experts were drawn (mode, seed, input checksum, who ran it and when, published or not), each pair drawn
 * with the expert's category and affinity, and every pair the draw had to avoid (a conflict of interest
 * found by the rules, or excluded by hand). A record for the file of the call; the same facts the run's
 * replay reproduces.
 */
export async function runRecordPdf(
  ctx: Ctx,
  callId: string,
  runId: string,
  q: ExportOptions,
): Promise<{ fileName: string; body: Buffer }> {
  const run = await runOf(ctx, callId, runId);
  const call = (await loadCall(ctx.db, callId))!;
  const instance = storedInstance(run);
  const result = storedResult(run);
  const pins = new Set((instance.pins ?? []).map(([e, a]) => `${e}|${a}`));
  const affinity = new Map(instance.affinity.map(([e, a, s]) => [`${e}|${a}`, s]));
  const avoided: { expert: string; app: string; why: 'conflict' | 'forbid' }[] = [
    ...(instance.conflicts ?? []).map(([expert, app]) => ({ expert, app, why: 'conflict' as const })),
    ...(instance.forbid ?? []).map(([expert, app]) => ({ expert, app, why: 'forbid' as const })),
  ];
  const expertIds = [...new Set([...result.assignments.map((p) => p[0]), ...avoided.map((p) => p.expert)])];
  const appIds = [...new Set([...result.assignments.map((p) => p[1]), ...avoided.map((p) => p.app)])];
  const [experts, apps, drawer] = await Promise.all([
    expertPersonNames(ctx.db, expertIds),
    applicationLabels(ctx.db, appIds),
    run.created_by ? findAccountById(ctx.db, run.created_by) : undefined,
  ]);
  const byApp = (a: { app: string }, b: { app: string }) =>
    (apps.get(a.app)?.number ?? '').localeCompare(apps.get(b.app)?.number ?? '');
  const pairs = result.assignments.map(([expert, app]) => ({ expert, app })).sort(byApp);
  avoided.sort(byApp);

  const body = await printablePdf(q.lang, (lang): ExportDoc => {
    const zh = lang === 'zh-CN';
    const l = (p: Pair) => p[zh ? 0 : 1];
    const name = (id: string) => {
      const e = experts.get(id);
      return e ? (zh ? e.nameZh : (e.nameEn ?? e.nameZh)) : id;
    };
    const appNo = (id: string) => apps.get(id)?.number ?? '—';
    const appTitle = (id: string) => apps.get(id)?.title ?? '—';
    const at = (iso: string | null) => formatInZone(iso, lang, q.tz);
    return {
      lang,
      title: zh ? `专家抽取结果表：${call.code}` : `Expert selection record: ${call.code}`,
      meta: [
        `${l(['申报指南', 'Call'])}: ${call.code} ${zh ? call.titleZh : call.titleEn}`,
        `${l(['抽取方式', 'Mode'])}: ${l(MODE[run.mode] ?? [run.mode, run.mode])}`,
        `${l(['随机种子', 'Seed'])}: ${run.seed ?? '—'}`,
        `${l(['抽取人', 'Drawn by'])}: ${drawer ? `${drawer.displayName} (${drawer.username})` : '—'}`,
        `${l(['抽取时间', 'Drawn at'])}: ${at(run.created_at)}`,
        `${l(['状态', 'State'])}: ${l(STATE[run.state] ?? [run.state, run.state])}${run.published_at ? ` · ${l(['发布时间', 'published'])} ${at(run.published_at)}` : ''}`,
        `${l(['输入校验值（SHA-256）', 'Input checksum (SHA-256)'])}: ${run.input_hash}`,
        `${l(['算法版本', 'Solver'])}: ${run.solver}`,
        l([
          `专家库 ${instance.experts.length} 人 · 申报 ${instance.applications.length} 项 · 每项 ${instance.k} 位 · 抽取 ${pairs.length} 个配对 · 回避 ${avoided.length} 个配对`,
          `Pool ${instance.experts.length} experts · ${instance.applications.length} applications · ${instance.k} per application · ${pairs.length} pairs drawn · ${avoided.length} pairs avoided`,
        ]),
      ],
      sheets: [
        {
          name: 'drawn',
          title: l(['一、抽取结果', '1. Experts drawn']),
          tables: [
            {
              title: l(['评审专家', 'Reviewers']),
              columns: [
                l(['申报编号', 'Application']),
                l(['申报名称', 'Title']),
                l(['专家', 'Expert']),
                l(['类别', 'Category']),
                l(['匹配度', 'Affinity']),
                l(['人工指定', 'Fixed by hand']),
              ],
              rows: pairs.map(({ expert, app }) => [
                text(appNo(app)),
                text(appTitle(app)),
                text(name(expert)),
                text(l(CATEGORY[experts.get(expert)?.category ?? 'academic'])),
                text((affinity.get(`${expert}|${app}`) ?? 0).toFixed(3)),
                text(pins.has(`${expert}|${app}`) ? l(['是', 'yes']) : ''),
              ]),
            },
          ],
        },
        {
          name: 'avoided',
          title: l(['二、回避情况', '2. Pairs avoided']),
          tables: [
            {
              title: l(['已回避的专家', 'Experts not drawn for an application']),
              columns: [l(['申报编号', 'Application']), l(['专家', 'Expert']), l(['原因', 'Reason'])],
              rows: avoided.map((p) => [
                text(appNo(p.app)),
                text(name(p.expert)),
                text(
                  p.why === 'conflict'
                    ? l(['利益冲突（回避规则）', 'Conflict of interest (rules)'])
                    : l(['人工排除', 'Excluded by hand']),
                ),
              ]),
            },
            {
              title: l(['汇总', 'Summary']),
              columns: [l(['项目', 'Item']), l(['数量', 'Count'])],
              rows: [
                [text(l(['抽取的配对', 'Pairs drawn'])), count(pairs.length)],
                [text(l(['回避的配对', 'Pairs avoided'])), count(avoided.length)],
              ],
            },
          ],
        },
      ],
    };
  });
  const fileName = `${q.lang === 'zh-CN' ? '专家抽取结果表' : 'expert-selection'}-${call.code}.pdf`;
  return { fileName, body };
}
