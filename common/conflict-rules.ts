/**
 * Conflict-of-interest rules 回避 as data (DOMAIN.md §5; docs/adr/0010-conflict-rules-as-data.md).
 * A rule set is a versioned list of rules; one engine (server/modules/review/conflicts) evaluates any of
 * them. English labels double as i18n keys. Imports only zod, so the browser uses it too.
 */
import { z } from 'zod';

export const CONFLICT_RULE_KINDS = [
  'same_organisation',
  'collaboration',
  'consortium_member',
  'declared_by_expert',
  'declared_by_applicant',
] as const;
export type ConflictRuleKind = (typeof CONFLICT_RULE_KINDS)[number];

export const CONFLICT_RULE_KIND_LABELS: Record<ConflictRuleKind, string> = {
  same_organisation: 'Same organisation',
  collaboration: 'Recent collaboration',
  consortium_member: 'Member of the consortium',
  declared_by_expert: 'Declared by the expert',
  declared_by_applicant: 'Named by the applicant',
};

/** Where a collaboration comes from. */
export const COLLABORATION_SOURCES = ['co_applicant', 'co_author', 'co_inventor'] as const;
export type CollaborationSource = (typeof COLLABORATION_SOURCES)[number];
export const COLLABORATION_SOURCE_LABELS: Record<CollaborationSource, string> = {
  co_applicant: 'Co-applicants',
  co_author: 'Co-authors and project partners',
  co_inventor: 'Co-inventors',
};

const ruleKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/);

export const sameOrganisationRule = z.object({ key: ruleKey, kind: z.literal('same_organisation') });
export const collaborationRule = z.object({
  key: ruleKey,
  kind: z.literal('collaboration'),
  /** Collaborations in the current year and the `years - 1` before it count (4 ≈ NSF's 48 months). */
  years: z.number().int().min(1).max(20),
  sources: z
    .array(z.enum(COLLABORATION_SOURCES))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'duplicate source'),
});
export const consortiumMemberRule = z.object({ key: ruleKey, kind: z.literal('consortium_member') });
export const declaredByExpertRule = z.object({ key: ruleKey, kind: z.literal('declared_by_expert') });
export const declaredByApplicantRule = z.object({ key: ruleKey, kind: z.literal('declared_by_applicant') });

export const conflictRule = z.discriminatedUnion('kind', [
  sameOrganisationRule,
  collaborationRule,
  consortiumMemberRule,
  declaredByExpertRule,
  declaredByApplicantRule,
]);
export type ConflictRule = z.infer<typeof conflictRule>;
export type CollaborationRule = z.infer<typeof collaborationRule>;

/** The rules of one rule-set version: keys unique (an exclusion names the rule by key). */
export const conflictRules = z
  .array(conflictRule)
  .min(1)
  .max(20)
  .refine((rules) => new Set(rules.map((r) => r.key)).size === rules.length, {
    message: 'duplicate rule key',
  });

/** Deterministic ids so every deployment has the same presets (inserted by migration 0008). */
export const DEFAULT_RULE_SET_ID = '01930000-0000-7000-8000-000000000c01';
export const STRICT_RULE_SET_ID = '01930000-0000-7000-8000-000000000c02';

export interface RuleSetPreset {
  id: string;
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  rules: ConflictRule[];
}

const presetRules = (years: number): ConflictRule[] => [
  { key: 'same_organisation', kind: 'same_organisation' },
  { key: 'collaboration', kind: 'collaboration', years, sources: [...COLLABORATION_SOURCES] },
  { key: 'consortium_member', kind: 'consortium_member' },
  { key: 'declared_by_expert', kind: 'declared_by_expert' },
  { key: 'declared_by_applicant', kind: 'declared_by_applicant' },
];

/** All five rules; collaboration within 4 years (as NSF's 48 months). */
export const DEFAULT_RULE_SET: RuleSetPreset = {
  id: DEFAULT_RULE_SET_ID,
  code: 'default',
  version: 1,
  nameZh: '默认回避规则',
  nameEn: 'Default conflict rules',
  rules: presetRules(4),
};

/** All five rules; collaboration within 6 years (a stricter, NSFC-style window). */
export const STRICT_RULE_SET: RuleSetPreset = {
  id: STRICT_RULE_SET_ID,
  code: 'strict',
  version: 1,
  nameZh: '严格回避规则',
  nameEn: 'Strict conflict rules',
  rules: presetRules(6),
};

export const RULE_SET_PRESETS: readonly RuleSetPreset[] = [DEFAULT_RULE_SET, STRICT_RULE_SET];

/** An applicant names at most this many experts to avoid (as NSFC allows). */
export const MAX_AVOID_REQUESTS = 3;

/**
 * Name comparison for avoid requests: NFKC (full-width → half-width), lower case, no spaces, dots,
 * hyphens or middle dots, so "Zhang  Wei", "zhang-wei" and "ZHANG WEI" agree, as do 张 伟 and 张伟.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-·•'’_,]+/g, '');
}
