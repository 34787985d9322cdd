import type { AmendmentInput } from '../../../api/project-amendments.js';
import type { AgreementView } from '../../../api/project-execution.js';
import { currencyDigits, toMajor, toMinor } from '../../../components/money.js';

/**
 * The 申请变更 form's values and their conversion: the form starts from the current version (targets as
 * text, amounts in major units, lists one item per line) and sends only the sections that differ from it.
 */
type Content = AgreementView['content'];
type Indicator = Content['indicators'][number];

export interface AmendmentValues {
  reason: string;
  endsOn: string;
  objectives: string;
  indicators: { name: string; type: Indicator['type']; target: string; verification: string }[];
  milestones: { title: string; dueOn: string; deliverables: string }[];
  schedule: { kind: 'annual' | 'interim' | 'final'; dueOn: string }[];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function startingValues(a: AgreementView, endsOn: string, objectives: string[], currency: string) {
  const digits = currencyDigits(currency);
  const target = (i: Indicator) =>
    i.type === 'amount'
      ? String(toMajor(i.target, digits))
      : i.type === 'yes_no'
        ? i.target
          ? 'yes'
          : 'no'
        : String(i.target);
  return {
    reason: '',
    endsOn,
    objectives: objectives.join('\n'),
    indicators: a.content.indicators.map((i) => ({
      name: i.name,
      type: i.type,
      target: target(i),
      verification: i.verification,
    })),
    milestones: a.content.milestones.map((m) => ({ ...m, deliverables: m.deliverables.join('\n') })),
    schedule: a.schedule.map((r) => ({ kind: r.kind, dueOn: r.dueOn })),
  } satisfies AmendmentValues;
}

function indicatorOf(
  v: AmendmentValues['indicators'][number],
  digits: number,
  before?: Indicator,
): Indicator {
  const base = { name: v.name, verification: v.verification };
  const measuredBy = before?.type === 'count' && v.type === 'count' ? before.measuredBy : undefined;
  switch (v.type) {
    case 'count':
      return { ...base, type: 'count', target: Number(v.target), ...(measuredBy ? { measuredBy } : {}) };
    case 'amount':
      return { ...base, type: 'amount', target: toMinor(Number(v.target), digits) };
    case 'percentage':
      return { ...base, type: 'percentage', target: Number(v.target) };
    case 'yes_no':
      return { ...base, type: 'yes_no', target: v.target === 'yes' };
    default:
      return { ...base, type: 'date', target: v.target };
  }
}

/** The proposal: each section that differs from where the form started. */
export function proposalOf(
  v: AmendmentValues,
  start: AmendmentValues,
  a: AgreementView,
  currency: string,
): AmendmentInput {
  const digits = currencyDigits(currency);
  const changes: AmendmentInput['changes'] = {};
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (v.endsOn !== start.endsOn) changes.endsOn = v.endsOn;
  if (!same(lines(v.objectives), lines(start.objectives))) changes.objectives = lines(v.objectives);
  if (!same(v.indicators, start.indicators))
    changes.indicators = v.indicators.map((i, n) => indicatorOf(i, digits, a.content.indicators[n]));
  if (!same(v.milestones, start.milestones))
    changes.milestones = v.milestones.map((m) => ({
      title: m.title,
      dueOn: m.dueOn,
      deliverables: lines(m.deliverables),
    }));
  if (!same(v.schedule, start.schedule)) changes.schedule = v.schedule;
  return { reason: v.reason, changes };
}
