import { COST_CATEGORIES, type CostCategory } from '../../../common/calls.js';
import type { ApplicationView, SaveDraftBody } from '../../api/applications.js';

type Content = NonNullable<SaveDraftBody['content']>;
export type Member = NonNullable<SaveDraftBody['consortium']>[number];
/** Budget as the table shows it: organisation id → cost category → minor units. */
export type BudgetMatrix = Record<string, Partial<Record<CostCategory, number | null>>>;

/** The wizard's form values: the three sections PUT /api/applications/:id takes, budget as a matrix. */
export interface DraftValues {
  content: Content;
  consortium: Member[];
  budget: BudgetMatrix;
}

export function draftValues(a: ApplicationView): DraftValues {
  const budget: BudgetMatrix = {};
  for (const line of a.budget) {
    const row = budget[line.organisationId] ?? {};
    row[line.category] = line.amountMinor;
    budget[line.organisationId] = row;
  }
  return {
    content: { objectives: [], workPlan: [], ...a.content },
    consortium: a.consortium.map((m) => ({
      organisationId: m.organisation.id,
      contactPersonId: m.contact?.id ?? null,
      role: m.role,
      requestedMinor: m.requestedMinor,
      cofundingMinor: m.cofundingMinor,
    })),
    budget,
  };
}

const blank = (s: string | null | undefined) => !s?.trim();
const text = (s: string | null | undefined) => (blank(s) ? null : s!.trim());

/**
 * The body of a draft save: empty boxes become null, rows left entirely empty are dropped (a draft may
 * be partial, but the server refuses blank strings), the budget matrix becomes lines of members only.
 */
export function draftBody(v: DraftValues): SaveDraftBody {
  const c = v.content ?? {};
  const members = (v.consortium ?? []).filter((m) => m?.organisationId);
  const orgs = new Set(members.map((m) => m.organisationId));
  const budget = Object.entries(v.budget ?? {}).flatMap(([organisationId, row]) =>
    orgs.has(organisationId)
      ? COST_CATEGORIES.flatMap((category) => {
          const amount = row?.[category];
          return amount === null || amount === undefined
            ? []
            : [{ organisationId, category, amountMinor: amount }];
        })
      : [],
  );
  return {
    content: {
      titleZh: text(c.titleZh),
      titleEn: text(c.titleEn),
      summaryZh: text(c.summaryZh),
      summaryEn: text(c.summaryEn),
      fieldId: c.fieldId ?? null,
      objectives: (c.objectives ?? [])
        .filter((o) => o && !(blank(o.text) && !(o.indicators ?? []).length))
        .map((o) => ({
          text: o.text?.trim() ?? '',
          indicators: (o.indicators ?? []).filter((i) => i && !(blank(i.name) && blank(i.target))),
        })),
      workPlan: (c.workPlan ?? [])
        .filter((w) => w && !blank(w.title))
        .map((w) => ({ ...w, milestones: (w.milestones ?? []).filter((m) => m && !blank(m.title)) })),
    },
    consortium: members.map((m) => ({
      organisationId: m.organisationId,
      contactPersonId: m.contactPersonId ?? null,
      role: text(m.role),
      requestedMinor: m.requestedMinor ?? 0,
      cofundingMinor: m.cofundingMinor ?? 0,
    })),
    budget,
  };
}

/** Totals of the budget table: per member, per category, overall, and each member's mismatch. */
export function budgetTotals(members: Member[], budget: BudgetMatrix) {
  const byMember = new Map<string, number>();
  const byCategory = new Map<CostCategory, number>();
  let total = 0;
  for (const m of members) {
    const row = budget[m.organisationId] ?? {};
    let sum = 0;
    for (const c of COST_CATEGORIES) {
      const a = row[c] ?? 0;
      sum += a;
      byCategory.set(c, (byCategory.get(c) ?? 0) + a);
    }
    byMember.set(m.organisationId, sum);
    total += sum;
  }
  const requested = members.reduce((s, m) => s + (m.requestedMinor ?? 0), 0);
  const cofunding = members.reduce((s, m) => s + (m.cofundingMinor ?? 0), 0);
  /** Each member's budget lines add up to its requested amount (the server checks the same at submission). */
  const mismatches = members.filter((m) => (byMember.get(m.organisationId) ?? 0) !== (m.requestedMinor ?? 0));
  return { byMember, byCategory, total, requested, cofunding, mismatches };
}
