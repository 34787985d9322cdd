import { createHash } from 'node:crypto';
import { DEFAULT_CRITERIA } from '../../../../common/calls.js';
import { canonicalJson } from '../../../../common/canonical-json.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { buildProjectInExecution } from '../projects.fixtures.js';
import { moveProject } from '../projects.timeline.repository.js';
import { insertCheck, insertReport, insertSeat, updateCheck } from './checks.repository.js';
import type { CheckReport } from './checks.schema.js';
import { insertScorecard, saveScorecardRows } from './checks.scoring.repository.js';

/**
 * A project in execution with a check at a stage, written directly (not through the services) so that
 * tests of one step need not walk the others: `open` waits for the report; `under_review` has the
 * report (version 1) and each expert of `panel` a scorecard, submitted when `scored`.
 */
export async function buildCheck(
  ctx: Ctx,
  platformId: string,
  opts: {
    leadContactPersonId?: string;
    kind?: 'interim' | 'final';
    stage?: 'open' | 'under_review';
    panel?: { expertId: string; chair?: boolean }[];
    scored?: boolean;
  } = {},
) {
  const p = await buildProjectInExecution(ctx, platformId, { leadContactPersonId: opts.leadContactPersonId });
  const kind = opts.kind ?? 'interim';
  const at = isoNow(ctx.clock);
  const id = newId();
  await write(ctx, async (trx) => {
    await moveProject(trx, p.id, {
      id: newId(),
      action: kind === 'interim' ? 'open_interim' : 'open_final',
      fromState: 'in_progress',
      toState: kind === 'interim' ? 'interim_check' : 'final_acceptance',
      outcome: null,
      at,
      actorId: null,
      actorLabel: 'fixture',
      reason: null,
    });
    await insertCheck(trx, {
      id,
      projectId: p.id,
      kind,
      state: 'open',
      dueOn: '2099-01-31',
      criteria: DEFAULT_CRITERIA,
      version: 0,
      verdict: null,
      openedBy: null,
      openedAt: at,
      updatedAt: at,
    });
    for (const s of opts.panel ?? [])
      await insertSeat(trx, {
        checkId: id,
        expertId: s.expertId,
        chair: !!s.chair,
        assignedAt: at,
        assignedBy: null,
      });
    if (opts.stage !== 'under_review') return;
    const report: CheckReport = {
      kind,
      version: 1,
      agreementChecksum: 'fixture',
      indicators: [
        { index: 0, name: '发明专利申请', type: 'count', target: 3, value: 3, judgement: 'met', note: null },
      ],
      milestones: [{ index: 0, title: '样机', dueOn: '2099-06-30', progress: 'done', note: null }],
      spending: { currency: 'CNY', plannedMinor: 900_000, spentMinor: 0, byCategory: [] },
      outputs: [],
      achievements: '夹具报告',
      problems: '',
      resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }],
    };
    const json = canonicalJson(report);
    await insertReport(trx, {
      checkId: id,
      version: 1,
      json,
      sha256: createHash('sha256').update(json).digest('hex'),
      by: null,
      at,
    });
    await updateCheck(trx, id, { state: 'under_review', version: 1, at });
    for (const s of opts.panel ?? []) {
      const cardId = newId();
      await insertScorecard(trx, {
        id: cardId,
        checkId: id,
        version: 1,
        expertId: s.expertId,
        state: 'draft',
        overallComment: null,
        total: null,
        submittedAt: null,
        updatedAt: at,
      });
      if (opts.scored)
        await saveScorecardRows(trx, cardId, {
          scores: DEFAULT_CRITERIA.items.map((i) => ({
            criterion: i.key,
            score: 7,
            comment: '夹具评分意见',
          })),
          overallComment: null,
          at,
          submit: { total: 7 },
        });
    }
  });
  return { ...p, checkId: id };
}
