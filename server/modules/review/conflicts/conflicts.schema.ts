import { z } from 'zod';
import { CONFLICT_RULE_KINDS, conflictRules } from '../../../../common/conflict-rules.js';

export const callParams = z.strictObject({ callId: z.uuid() });
export const ruleSetParams = z.strictObject({ ruleSetId: z.uuid() });
export const applicationParams = z.strictObject({ applicationId: z.uuid() });
export const avoidRequestParams = z.strictObject({ applicationId: z.uuid(), requestId: z.uuid() });
export const explainQuery = z.strictObject({ expertId: z.uuid(), applicationId: z.uuid() });
export const ruleSetListQuery = z.strictObject({ platformId: z.uuid().optional() });

const named = z.object({ id: z.string(), name: z.string() });
/** Evidence items as stored (conflicts.model.ts Evidence): `kind` says which fields it has. */
const evidence = z.looseObject({ kind: z.enum(CONFLICT_RULE_KINDS) });

export const ruleSetView = z.object({
  id: z.string(),
  platformId: z.string().nullable(),
  code: z.string(),
  version: z.int(),
  nameZh: z.string(),
  nameEn: z.string(),
  rules: conflictRules,
  /** Newest version of this code (a call keeps the version it chose). */
  latest: z.boolean(),
  createdAt: z.string(),
});
export type RuleSetView = z.infer<typeof ruleSetView>;
export const ruleSetList = z.object({ items: z.array(ruleSetView) });

const text = (max: number) => z.string().trim().min(1).max(max);
/** A new version of a code (version + 1), or version 1 of a new code. */
export const createRuleSetBody = z.strictObject({
  /** null = a deployment-wide preset (system admins); else the platform whose calls may use it. */
  platformId: z.uuid().nullable(),
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'letters, digits, _ - (1–40 characters)'),
  nameZh: text(200),
  nameEn: text(200),
  rules: conflictRules,
});
export type CreateRuleSetInput = z.infer<typeof createRuleSetBody>;

export const exclusionView = z.object({
  expert: z.object({ id: z.string(), name: z.string(), organisation: named.nullable() }),
  application: z.object({ id: z.string(), receiptNo: z.string().nullable(), title: z.string().nullable() }),
  rules: z.array(
    z.object({
      ruleKey: z.string(),
      kind: z.enum(CONFLICT_RULE_KINDS).nullable(),
      evidence: z.array(evidence),
    }),
  ),
});
export const callConflictsView = z.object({
  callId: z.string(),
  ruleSet: ruleSetView,
  /** When the stored exclusions were computed; null = never. */
  computedAt: z.string().nullable(),
  /** The rule set the stored exclusions were computed under (may differ after the call chose another). */
  computedWithRuleSetId: z.string().nullable(),
  applications: z.int(),
  experts: z.int(),
  excludedPairs: z.int(),
  counts: z.array(z.object({ ruleKey: z.string(), pairs: z.int() })),
  items: z.array(exclusionView),
});
export type CallConflictsView = z.infer<typeof callConflictsView>;

export const explainView = z.object({
  expert: z.object({ id: z.string(), name: z.string(), organisation: named.nullable() }),
  application: z.object({ id: z.string(), receiptNo: z.string().nullable(), title: z.string().nullable() }),
  ruleSet: ruleSetView,
  excluded: z.boolean(),
  rules: z.array(
    z.object({
      ruleKey: z.string(),
      kind: z.enum(CONFLICT_RULE_KINDS),
      matched: z.boolean(),
      evidence: z.array(evidence),
      /** Why it did not match, as a code the UI words (conflicts.explain.ts). */
      reason: z.string().nullable(),
      /** Facts behind the reason, e.g. the collaborations just outside the window. */
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type ExplainView = z.infer<typeof explainView>;

export const avoidRequestView = z.object({
  id: z.string(),
  name: z.string(),
  organisation: named.nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export const avoidRequestList = z.object({
  items: z.array(avoidRequestView),
  max: z.int(),
  editable: z.boolean(),
});
export const createAvoidRequestBody = z.strictObject({
  name: text(100),
  organisationId: z.uuid().nullable().optional(),
  reason: text(1000),
});
export type CreateAvoidRequestInput = z.infer<typeof createAvoidRequestBody>;
