import { reportingSchedule } from './projects.js';

/**
 * Amendments (变更) of a frozen 任务书 (issue 13, docs/adr/0041): the pure rules the server and the web
 * share — the sections an amendment may change, the states in which none may be proposed or approved,
 * the schedule a version gives, and a readable difference between two versions, section by section.
 * The budget is not among the sections: it changes only through 预算调剂 (common/projects.adjustments.ts).
 */
export const AMENDMENT_STATES = ['proposed', 'approved', 'refused', 'withdrawn'] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];

export const AMENDMENT_SECTIONS = ['endsOn', 'objectives', 'indicators', 'milestones', 'schedule'] as const;
export type AmendmentSection = (typeof AMENDMENT_SECTIONS)[number];

/** The rows an amendment leaves on the project's timeline (the state does not change). */
export const AMENDMENT_TIMELINE_ACTIONS = [
  'amendment_proposed',
  'amendment_approved',
  'amendment_refused',
  'amendment_withdrawn',
] as const;
export type AmendmentTimelineAction = (typeof AMENDMENT_TIMELINE_ACTIONS)[number];

/** States in which the project can no longer change: no amendment is proposed or approved there. */
export const AMENDMENT_CLOSED_STATES: readonly string[] = ['closed', 'evaluated', 'terminated'];

export type ReportDue = { kind: 'annual' | 'interim' | 'final'; dueOn: string };

/**
 * The reporting schedule of a 任务书 version: the one it names (set by an amendment), otherwise the one
 * computed from the project's dates.
 */
export function scheduleOf(
  startsOn: string,
  endsOn: string,
  named: readonly ReportDue[] | null | undefined,
): ReportDue[] {
  if (!named) return reportingSchedule(startsOn, endsOn);
  return [...named].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
}

/** What of a version an amendment compares; the indicators and milestones as the 任务书 holds them. */
export interface AgreementTerms {
  endsOn: string;
  objectives: readonly string[];
  indicators: readonly {
    name: string;
    type: string;
    target: unknown;
    verification: string;
    measuredBy?: string | undefined;
  }[];
  milestones: readonly { title: string; dueOn: string; deliverables: readonly string[] }[];
  schedule: readonly ReportDue[];
}

/**
 * One difference: in `section`, the item at `index` (named `label`: the indicator's or milestone's name
 * in the newer version, or the older if removed) had `field` `from` and now has `to`. An added item has
 * `field` 'added' and no `from`; a removed one 'removed' and no `to`.
 */
export interface AgreementChange {
  section: AmendmentSection;
  index: number | null;
  label: string | null;
  field: string;
  from: string | null;
  to: string | null;
}

const shown = (v: unknown): string | null =>
  v === undefined || v === null ? null : Array.isArray(v) ? v.join('; ') : String(v);

function listDiff<T extends object>(
  section: AmendmentSection,
  before: readonly T[],
  after: readonly T[],
  label: (t: T) => string,
  fields: readonly (keyof T & string)[],
): AgreementChange[] {
  const out: AgreementChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i] as T | undefined;
    const a = after[i] as T | undefined;
    if (b === undefined && a !== undefined)
      out.push({ section, index: i, label: label(a), field: 'added', from: null, to: label(a) });
    else if (a === undefined && b !== undefined)
      out.push({ section, index: i, label: label(b), field: 'removed', from: label(b), to: null });
    else if (a !== undefined && b !== undefined)
      for (const f of fields) {
        const from = shown(b[f]);
        const to = shown(a[f]);
        if (from !== to) out.push({ section, index: i, label: label(a), field: f, from, to });
      }
  }
  return out;
}

/** What changed from one version to the next, section by section (empty when nothing did). */
export function agreementDiff(before: AgreementTerms, after: AgreementTerms): AgreementChange[] {
  const out: AgreementChange[] = [];
  if (before.endsOn !== after.endsOn)
    out.push({
      section: 'endsOn',
      index: null,
      label: null,
      field: 'endsOn',
      from: before.endsOn,
      to: after.endsOn,
    });
  const text = (s: string) => ({ text: s });
  out.push(
    ...listDiff('objectives', before.objectives.map(text), after.objectives.map(text), (o) => o.text, [
      'text',
    ]),
    ...listDiff('indicators', before.indicators, after.indicators, (i) => i.name, [
      'name',
      'type',
      'target',
      'verification',
      'measuredBy',
    ]),
    ...listDiff('milestones', before.milestones, after.milestones, (m) => m.title, [
      'title',
      'dueOn',
      'deliverables',
    ]),
  );
  const key = (r: ReportDue) => `${r.kind} ${r.dueOn}`;
  const was = new Set(before.schedule.map(key));
  const is = new Set(after.schedule.map(key));
  for (const r of before.schedule)
    if (!is.has(key(r)))
      out.push({
        section: 'schedule',
        index: null,
        label: r.kind,
        field: 'removed',
        from: r.dueOn,
        to: null,
      });
  for (const r of after.schedule)
    if (!was.has(key(r)))
      out.push({ section: 'schedule', index: null, label: r.kind, field: 'added', from: null, to: r.dueOn });
  return out;
}
