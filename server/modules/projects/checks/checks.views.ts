import type { Kysely } from 'kysely';
import { panelAggregate } from '../../../../common/lab-evaluations.js';
import type { AssignmentMode } from '../../../../common/review.js';
import type { DB } from '../../../db/schema.js';
import { expertPersonNames } from '../../review/experts/experts.service.js';
import type { CheckAccess } from './checks.access.js';
import { checkCalibration } from './checks.calibration.js';
import { type Check, conflictsOf, panelOf, reportsOf } from './checks.repository.js';
import { reviewsOfVersion } from './checks.reviews.repository.js';
import { runsOfCheck } from './checks.runs.repository.js';
import type { CheckAdoption, CheckReport, CheckView } from './checks.schema.js';
import { type CheckScore, type CheckScorecard, scorecardsOf, scoresOf } from './checks.scoring.repository.js';

/** The aggregates of a version's submitted scorecards (common/lab-evaluations.ts `panelAggregate`). */
export async function runningResult(db: Kysely<DB>, check: Check, cards?: CheckScorecard[]) {
  const submitted = (cards ?? (await scorecardsOf(db, check.id, check.version))).filter(
    (c) => c.state === 'submitted',
  );
  const scores: Map<string, CheckScore[]> = await scoresOf(
    db,
    submitted.map((c) => c.id),
  );
  return panelAggregate(
    check.criteria,
    submitted.map((c) => ({ total: c.total, scores: scores.get(c.id) ?? [] })),
  );
}

/**
 * A check as the caller may see it: every reader of the project sees the frozen report versions and
 * the adopted results; the panel (names and progress), the conflicts found and the running aggregates
 * only the officers and the chair. No one sees another expert's scorecard.
 */
export async function checkView(db: Kysely<DB>, check: Check, access: CheckAccess): Promise<CheckView> {
  const staff = access.manage || access.chair;
  const reports = await reportsOf(db, [check.id]);
  let panel: CheckView['panel'] = null;
  let conflicts: CheckView['conflicts'] = null;
  let running: CheckView['running'] = null;
  let calibration: CheckView['calibration'] = null;
  let latestRun: CheckView['latestRun'] = null;
  if (staff) {
    const seats = await panelOf(db, check.id);
    const cards = check.version > 0 ? await scorecardsOf(db, check.id, check.version) : [];
    const names = await expertPersonNames(
      db,
      seats.map((s) => s.expertId),
    );
    panel = seats.map((s) => ({
      expertId: s.expertId,
      name: names.get(s.expertId)?.nameZh ?? s.expertId,
      chair: s.chair,
      state: s.state,
      respondBy: s.respondBy,
      declineReason: s.declineReason,
      scorecard: cards.find((c) => c.expertId === s.expertId)?.state ?? null,
    }));
    const run = (await runsOfCheck(db, check.id))[0];
    latestRun = run
      ? {
          id: run.id,
          mode: run.mode as AssignmentMode,
          purpose: run.purpose as 'initial' | 'refill',
          panelSize: run.panel_size,
          seed: run.seed,
          createdAt: run.created_at,
        }
      : null;
    conflicts = (await conflictsOf(db, check.id)).map(({ expertId, rule, evidence, foundAt }) => ({
      expertId,
      rule,
      evidence,
      foundAt,
    }));
    if (check.state === 'under_review') {
      running = await runningResult(db, check, cards);
      calibration = await checkCalibration(db, check, names, cards);
    }
  }
  const hasPanel = (await panelOf(db, check.id)).some((s) => s.state === 'accepted');
  return {
    id: check.id,
    projectId: check.projectId,
    kind: check.kind,
    state: check.state,
    dueOn: check.dueOn,
    criteria: check.criteria,
    version: check.version,
    verdict: check.verdict,
    openedAt: check.openedAt,
    reports: await Promise.all(
      reports.map(async (r) => ({
        version: r.version,
        report: r.report as CheckReport,
        reportSha256: r.reportSha256,
        submittedAt: r.submittedAt,
        adoption: (r.adoption as CheckAdoption | null) ?? null,
        adoptionSha256: r.adoptionSha256,
        adoptedAt: r.adoptedAt,
        reviews: check.kind === 'final' ? await reviewsOfVersion(db, check.id, r.version) : null,
      })),
    ),
    panel,
    conflicts,
    running,
    calibration,
    latestRun,
    access: {
      submitReport: access.lead && (check.state === 'open' || check.state === 'rectification'),
      manage: access.manage && check.state !== 'decided',
      adopt: (access.manage || access.chair) && check.state === 'under_review' && hasPanel,
      review: access.manage && check.kind === 'final' && check.state === 'under_review',
    },
  };
}
