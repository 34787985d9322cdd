/**
 * R&D calls (DOMAIN.md §4): states and their transitions, the effective state by the server clock, the
 * dual-evaluation criteria with their defaults, required attachments, the screening checklist and the
 * budget's cost categories. Shared by server and web; imports only zod.
 */
import { z } from 'zod';

/** Stored states. "upcoming" and "open" are not stored: a published call is open by the clock. */
export const CALL_STATES = ['draft', 'published', 'closed', 'reviewing', 'decided', 'archived'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** What a viewer sees: a published call is upcoming, open or closed depending on the server clock. */
export const CALL_EFFECTIVE_STATES = [
  'draft',
  'upcoming',
  'open',
  'closed',
  'reviewing',
  'decided',
  'archived',
] as const;
export type CallEffectiveState = (typeof CALL_EFFECTIVE_STATES)[number];

export const CALL_STATE_LABELS: Record<CallEffectiveState, string> = {
  draft: 'Draft',
  upcoming: 'Upcoming',
  open: 'Open',
  closed: 'Closed',
  reviewing: 'Under review',
  decided: 'Decided',
  archived: 'Archived',
};

/**
 * The state machine: each action, the states it may start from, and where it leads. Extending the
 * deadline keeps the call published. Review and decision are driven by the review module.
 */
export const CALL_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published' },
  extend_deadline: { from: ['published'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  start_review: { from: ['closed'], to: 'reviewing' },
  decide: { from: ['reviewing'], to: 'decided' },
  archive: { from: ['decided'], to: 'archived' },
} as const satisfies Record<string, { from: readonly CallState[]; to: CallState }>;
export type CallAction = keyof typeof CALL_TRANSITIONS;

export function canTransition(state: string, action: CallAction): boolean {
  return (CALL_TRANSITIONS[action].from as readonly string[]).includes(state);
}

/**
 * The effective state at `now`: a published call is upcoming before opens_at, open from opens_at
 * until closes_at (exclusive) and closed from closes_at on, even before an officer closes it.
 */
export function effectiveState(
  call: { state: string; opensAt: string; closesAt: string },
  now: Date,
): CallEffectiveState {
  if (call.state !== 'published') return call.state as CallEffectiveState;
  const t = now.getTime();
  if (t < Date.parse(call.opensAt)) return 'upcoming';
  if (t < Date.parse(call.closesAt)) return 'open';
  return 'closed';
}

/** The dual evaluation (DOMAIN.md §5): three academic and two economic criteria. */
export const CRITERIA = [
  'technical_value',
  'implementation',
  'impact',
  'commercialisation',
  'economic_benefit',
] as const;
export type Criterion = (typeof CRITERIA)[number];
export const CRITERION_DIMENSION: Record<Criterion, 'academic' | 'economic'> = {
  technical_value: 'academic',
  implementation: 'academic',
  impact: 'academic',
  commercialisation: 'economic',
  economic_benefit: 'economic',
};
export const CRITERION_LABELS: Record<Criterion, string> = {
  technical_value: 'Technical value',
  implementation: 'Implementation effectiveness',
  impact: 'Actual impact',
  commercialisation: 'Commercialisation potential',
  economic_benefit: 'Expected economic benefit',
};

const EPS = 1e-6;
/** Weights sum to 1 (fractions) or to 100 (percent). */
export const weightsAddUp = (sum: number) => Math.abs(sum - 1) < EPS || Math.abs(sum - 100) < EPS;

export const callCriteria = z
  .strictObject({
    scale: z.strictObject({ min: z.int().min(0).max(100), max: z.int().min(1).max(1000) }),
    items: z
      .array(z.strictObject({ key: z.enum(CRITERIA), weight: z.number().min(0).max(100) }))
      .length(CRITERIA.length),
  })
  .superRefine((c, ctx) => {
    if (c.scale.max <= c.scale.min)
      ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'Must be above the minimum' });
    const keys = new Set(c.items.map((i) => i.key));
    if (keys.size !== c.items.length)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Each criterion exactly once' });
    if (!weightsAddUp(c.items.reduce((s, i) => s + i.weight, 0)))
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Weights must add up to 1 or to 100' });
  });
export type CallCriteria = z.infer<typeof callCriteria>;

/** Academic 60 %, economic 40 %, on a 1–10 scale. */
export const DEFAULT_CRITERIA: CallCriteria = {
  scale: { min: 1, max: 10 },
  items: [
    { key: 'technical_value', weight: 0.2 },
    { key: 'implementation', weight: 0.2 },
    { key: 'impact', weight: 0.2 },
    { key: 'commercialisation', weight: 0.2 },
    { key: 'economic_benefit', weight: 0.2 },
  ],
};

export const ATTACHMENT_TYPES = ['pdf', 'docx', 'xlsx', 'image'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and underscores, starting with a letter');
const label = z.string().trim().min(1).max(200);
const uniqueKeys = (items: { key: string }[]) => new Set(items.map((i) => i.key)).size === items.length;

export const requiredAttachment = z.strictObject({
  key,
  labelZh: label,
  labelEn: label,
  required: z.boolean(),
  types: z.array(z.enum(ATTACHMENT_TYPES)).min(1).max(ATTACHMENT_TYPES.length),
  maxBytes: z.int().min(1024).max(MAX_ATTACHMENT_BYTES),
});
export type RequiredAttachment = z.infer<typeof requiredAttachment>;
export const requiredAttachments = z
  .array(requiredAttachment)
  .max(20)
  .refine(uniqueKeys, { message: 'Each key at most once' });

export const checklistItem = z.strictObject({ key, labelZh: label, labelEn: label });
export type ChecklistItem = z.infer<typeof checklistItem>;
export const screeningChecklist = z
  .array(checklistItem)
  .max(30)
  .refine(uniqueKeys, { message: 'Each key at most once' });

/** Budget lines by cost category (the usual categories of public R&D funding). */
export const COST_CATEGORIES = [
  'equipment',
  'materials',
  'testing',
  'fuel_power',
  'travel_meetings',
  'publication_ip',
  'labour',
  'expert_consulting',
  'indirect',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  equipment: 'Equipment',
  materials: 'Materials',
  testing: 'Testing and processing',
  fuel_power: 'Fuel and power',
  travel_meetings: 'Travel, meetings and international exchange',
  publication_ip: 'Publication, documentation and IP',
  labour: 'Labour',
  expert_consulting: 'Expert consulting',
  indirect: 'Indirect costs',
  other: 'Other',
};

export const PROJECT_KINDS = ['intramural', 'extramural'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
