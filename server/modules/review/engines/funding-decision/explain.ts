import type { DecisionOutcome } from '../../../../../common/review.js';
import {
  byRank,
  type Candidate,
  type DecisionConstraints,
  problemOf,
  type Solved,
  sideRows,
} from './model.js';
import { type Row, solveSelection, TIE_EPS } from './solver.js';

/**
 * Why an application is not funded: it failed thresholds, or adding it to the selection would break a
 * named constraint ("budget" = the remaining budget, "fields/0/maxCount", "smeMinSharePct").
 */
export type ItemReason =
  | { code: 'selected' }
  | { code: 'below_threshold'; thresholds: string[] }
  | { code: 'would_exceed'; constraint: string };

/** The cut-off: the best-ranked application not funded, with the re-solve that forces it in. */
export interface Cutoff {
  applicationId: string;
  rank: number;
  requestedMinor: number;
  remainingMinor: number;
  reason: ItemReason;
  /** Re-solving with it forced in: what must go, what comes in, and the objectives compared. */
  forced?:
    | { feasible: false; constraints: string[] }
    | {
        feasible: true;
        objective: number;
        dropped: { applicationId: string; score: number }[];
        added: { applicationId: string; score: number }[];
        droppedScore: number;
        addedScore: number;
        /** The optimum equals it: the tie went to the better rank. */
        tie: boolean;
      };
}

export interface Explanation {
  fundedMinor: number;
  remainingMinor: number;
  cutoff: Cutoff | null;
  items: Record<string, ItemReason>;
}

export interface Outcomes {
  outcomes: Map<string, DecisionOutcome>;
  explanation: Explanation;
}

/** Outcomes (selected → approved; the next `waitlistSize` passing ones by rank → waitlisted) and reasons. */
export function explain(
  candidates: Candidate[],
  budget: number,
  c: DecisionConstraints,
  solved: Solved,
): Outcomes {
  const { eligible, chosen } = solved;
  const rows = sideRows(eligible, budget, c);
  const all: Row[] = [
    { name: 'budget', coef: eligible.map((e) => e.requestedMinor), bound: budget },
    ...rows,
  ];
  const activity = all.map((r) => r.coef.reduce((s, a, j) => s + (chosen[j] ? a : 0), 0));
  const fundedMinor = activity[0]!;
  const index = new Map(eligible.map((e, j) => [e.applicationId, j]));
  const outcomes = new Map<string, DecisionOutcome>();
  const items: Record<string, ItemReason> = {};
  let waitlist = c.waitlistSize;
  for (const cand of [...candidates].sort(byRank)) {
    const j = index.get(cand.applicationId);
    if (j === undefined) {
      outcomes.set(cand.applicationId, 'declined');
      items[cand.applicationId] = { code: 'below_threshold', thresholds: cand.failedThresholds };
    } else if (chosen[j]) {
      outcomes.set(cand.applicationId, 'approved');
      items[cand.applicationId] = { code: 'selected' };
    } else {
      outcomes.set(cand.applicationId, waitlist-- > 0 ? 'waitlisted' : 'declined');
      const broken = all.find((r, ri) => activity[ri]! + r.coef[j]! > r.bound);
      items[cand.applicationId] = { code: 'would_exceed', constraint: broken?.name ?? 'budget' };
    }
  }
  const first = [...candidates].sort(byRank).find((x) => outcomes.get(x.applicationId) !== 'approved');
  const remainingMinor = budget - fundedMinor;
  const cutoff: Cutoff | null = first
    ? {
        applicationId: first.applicationId,
        rank: first.rank,
        requestedMinor: first.requestedMinor,
        remainingMinor,
        reason: items[first.applicationId]!,
        ...(index.has(first.applicationId)
          ? { forced: forceIn(eligible, budget, rows, solved, index.get(first.applicationId)!) }
          : {}),
      }
    : null;
  return { outcomes, explanation: { fundedMinor, remainingMinor, cutoff, items } };
}

/** Re-solves with item j forced in and compares with the optimum. */
function forceIn(
  eligible: Candidate[],
  budget: number,
  rows: Row[],
  solved: Solved,
  j: number,
): Cutoff['forced'] {
  const force: Row = { name: 'forced', coef: eligible.map((_, i) => (i === j ? -1 : 0)), bound: -1 };
  const re = solveSelection(problemOf(eligible, budget, [...rows, force]));
  if (!re) {
    const named: Row[] = [{ name: 'budget', coef: [], bound: budget }, ...rows];
    const blocking = named.filter((r) =>
      r.name === 'budget'
        ? eligible[j]!.requestedMinor > budget
        : !solveSelection(problemOf(eligible, budget, [r, force]), { firstFeasible: true }),
    );
    return { feasible: false, constraints: (blocking.length ? blocking : named).map((r) => r.name) };
  }
  const pick = (a: boolean[], b: boolean[]) =>
    eligible.filter((_, i) => a[i] && !b[i]).map((e) => ({ applicationId: e.applicationId, score: e.score }));
  const dropped = pick(solved.chosen, re.chosen);
  const added = pick(re.chosen, solved.chosen);
  const sum = (xs: { score: number }[]) => xs.reduce((s, x) => s + x.score, 0);
  return {
    feasible: true,
    objective: re.objective,
    dropped,
    added,
    droppedScore: sum(dropped),
    addedScore: sum(added),
    tie: Math.abs(solved.objective - re.objective) <= TIE_EPS * Math.max(1, Math.abs(solved.objective)),
  };
}
