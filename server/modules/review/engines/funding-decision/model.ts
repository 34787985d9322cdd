import { NodeLimitError, type Row, type SelectionProblem, solveSelection } from './solver.js';

/** One application as the decision sees it (docs/review-decisions.md). */
export interface Candidate {
  applicationId: string;
  /** Receipt number (the tie-break after rank). */
  number: string;
  /** 1 = best, from the panel ranking. */
  rank: number;
  score: number;
  passesThresholds: boolean;
  /** Thresholds it failed (criterion keys or "total"), for the explanation. */
  failedThresholds: string[];
  requestedMinor: number;
  fieldId: string | null;
  /** The part of the requested amount going to SME members of the frozen version. */
  smeMinor: number;
}

/** Field balance: counts, or shares of the call budget in whole percent. */
export interface FieldRule {
  fieldId: string;
  minCount?: number | undefined;
  maxCount?: number | undefined;
  minSharePct?: number | undefined;
  maxSharePct?: number | undefined;
}

export interface DecisionConstraints {
  fields: FieldRule[];
  /** Minimum share (whole percent) of the funded total requested by SME members. */
  smeMinSharePct?: number | undefined;
  /** How many unselected applications that pass the thresholds are waitlisted, by rank. */
  waitlistSize: number;
}

export interface Solved {
  /** Applications that pass the thresholds, in rank order. */
  eligible: Candidate[];
  chosen: boolean[];
  objective: number;
  nodes: number;
}

/** A constraint no selection satisfies: `constraint` names it ("fields/0/minCount", "smeMinSharePct"). */
export class DecisionInfeasible extends Error {
  constructor(readonly constraints: string[]) {
    super(`No selection satisfies ${constraints.join(', ')}`);
  }
}
export { NodeLimitError };

/** Rank order, then application number: the order of the search and of ties. */
export const byRank = (a: Candidate, b: Candidate) =>
  a.rank - b.rank || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

const floorShare = (pct: number, budget: number) => Number((BigInt(pct) * BigInt(budget)) / 100n);
const ceilShare = (pct: number, budget: number) => Number((BigInt(pct) * BigInt(budget) + 99n) / 100n);

/** The side constraints as rows Σ a·x ≤ b, each named by its JSON pointer in the constraints. */
export function sideRows(items: Candidate[], budget: number, c: DecisionConstraints): Row[] {
  const rows: Row[] = [];
  c.fields.forEach((f, i) => {
    const inField = items.map((it) => it.fieldId === f.fieldId);
    const one = inField.map((b) => (b ? 1 : 0));
    const money = items.map((it, j) => (inField[j] ? it.requestedMinor : 0));
    const at = `fields/${i}`;
    if (f.maxCount !== undefined) rows.push({ name: `${at}/maxCount`, coef: one, bound: f.maxCount });
    if (f.minCount !== undefined)
      rows.push({ name: `${at}/minCount`, coef: one.map((v) => -v), bound: -f.minCount });
    if (f.maxSharePct !== undefined)
      rows.push({ name: `${at}/maxSharePct`, coef: money, bound: floorShare(f.maxSharePct, budget) });
    if (f.minSharePct !== undefined)
      rows.push({
        name: `${at}/minSharePct`,
        coef: money.map((v) => -v),
        bound: -ceilShare(f.minSharePct, budget),
      });
  });
  const p = c.smeMinSharePct;
  // 100·Σ sme·x ≥ p·Σ requested·x  ⇔  Σ (p·requested − 100·sme)·x ≤ 0
  if (p !== undefined && p > 0)
    rows.push({
      name: 'smeMinSharePct',
      coef: items.map((it) => p * it.requestedMinor - 100 * it.smeMinor),
      bound: 0,
    });
  return rows;
}

export function problemOf(items: Candidate[], budget: number, rows: Row[]): SelectionProblem {
  return { scores: items.map((i) => i.score), costs: items.map((i) => i.requestedMinor), budget, rows };
}

/**
 * The optimal selection among the applications that pass the thresholds, or DecisionInfeasible naming
 * the side constraint(s) that no selection within the budget can meet.
 */
export function decide(candidates: Candidate[], budget: number, c: DecisionConstraints): Solved {
  const eligible = candidates.filter((x) => x.passesThresholds).sort(byRank);
  const rows = sideRows(eligible, budget, c);
  const solved = solveSelection(problemOf(eligible, budget, rows));
  if (!solved) throw new DecisionInfeasible(culprits(eligible, budget, rows));
  return { eligible, chosen: solved.chosen, objective: solved.objective, nodes: solved.nodes };
}

/** The rows infeasible on their own with the budget; when none is, all of them together. */
function culprits(items: Candidate[], budget: number, rows: Row[]): string[] {
  const alone = rows.filter((r) => !solveSelection(problemOf(items, budget, [r]), { firstFeasible: true }));
  return (alone.length ? alone : rows).map((r) => r.name);
}
