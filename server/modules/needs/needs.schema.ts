import { z } from 'zod';
import {
  ATTENTION_FILTERS,
  CONTACT_STATES,
  DECLINE_REASONS,
  MATCH_KINDS,
  NEED_ACTIONS,
  NEED_LANGUAGES,
  NEED_STATES,
  NEED_VISIBILITIES,
} from '../../../common/needs.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in integer minor units: never negative, never fractional (ADR 0002). */
const minor = z.number().int().min(0).max(1e13);

export const needBody = z.strictObject({
  title: text(200),
  problem: text(4000),
  language: z.enum(NEED_LANGUAGES),
  fieldIds: z.array(z.uuid()).max(10).default([]),
  budgetMinor: minor.nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO-4217 code')
    .default('CNY'),
  deadline: z.iso.date().nullable().default(null),
  visibility: z.enum(NEED_VISIBILITIES),
});
export type NeedInput = z.infer<typeof needBody>;

const named = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });

export const contactView = z.object({
  id: z.uuid(),
  needId: z.uuid(),
  needTitle: z.string(),
  needProblem: z.string(),
  targetKind: z.enum(MATCH_KINDS),
  targetId: z.string(),
  targetLabel: z.string(),
  message: z.string(),
  state: z.enum(CONTACT_STATES),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Whether the caller may accept or decline it. */
  mayAnswer: z.boolean(),
});
export type ContactView = z.infer<typeof contactView>;

export const needView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  /** The enterprise: named to itself and the platform's staff only. */
  organisation: named.nullable(),
  title: z.string(),
  problem: z.string(),
  language: z.enum(NEED_LANGUAGES),
  fieldIds: z.array(z.uuid()),
  budgetMinor: z.number().int().nullable(),
  currency: z.string(),
  deadline: z.string().nullable(),
  visibility: z.enum(NEED_VISIBILITIES),
  state: z.enum(NEED_STATES),
  closeNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The enterprise's contacts (to the enterprise and the staff; empty for others). */
  contacts: z.array(contactView),
  access: z.object({ edit: z.boolean(), matches: z.boolean() }),
});
export type NeedView = z.infer<typeof needView>;
export const needList = z.object({ items: z.array(needView), total: z.number().int() });

export const publicNeedView = needView.pick({
  id: true,
  platformId: true,
  title: true,
  problem: true,
  language: true,
  fieldIds: true,
  budgetMinor: true,
  currency: true,
  deadline: true,
  createdAt: true,
});
export const publicNeedList = z.object({ items: z.array(publicNeedView), total: z.number().int() });

export const matchView = z.object({
  kind: z.enum(MATCH_KINDS),
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** The candidate's text the reason's terms are highlighted in. */
  text: z.string(),
  score: z.number(),
  reason: z.object({
    needTerms: z.array(z.string()),
    matchTerms: z.array(z.string()),
    fieldIds: z.array(z.string()),
  }),
  contacted: z.boolean(),
});
export type MatchView = z.infer<typeof matchView>;
export const matchList = z.object({ items: z.array(matchView) });

export const needIdParams = z.strictObject({ id: z.uuid() });
export const platformParams = z.strictObject({ platformId: z.uuid() });
export const listNeedsQuery = z.strictObject({
  platformId: z.uuid().optional(),
  /** Only the caller's enterprise's needs. */
  mine: z.stringbool().default(false),
  state: z.enum(NEED_STATES).optional(),
});
export const publicNeedsQuery = z.strictObject({ platformId: z.uuid().optional() });
export const matchesQuery = z.strictObject({ kind: z.enum(MATCH_KINDS).optional() });
export const needMoveBody = z.strictObject({ action: z.enum(NEED_ACTIONS), note: text(1000).optional() });
export const contactBody = z.strictObject({
  kind: z.enum(MATCH_KINDS),
  targetId: text(100),
  message: text(2000),
});
export const contactAnswerBody = z.strictObject({
  to: z.enum(['accepted', 'declined']),
  reason: z.enum(DECLINE_REASONS).optional(),
  note: text(1000).optional(),
});
export type ContactAnswer = z.infer<typeof contactAnswerBody>;
export const contactIdParams = z.strictObject({ id: z.uuid() });
export const contactList = z.object({ items: z.array(contactView) });

export const attentionQuery = z.strictObject({
  platformId: z.uuid(),
  filter: z.enum(ATTENTION_FILTERS).optional(),
});
export const attentionItem = z.object({
  need: needView,
  bestScore: z.number(),
  matches: z.number().int(),
  contacts: z.object({
    sent: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
  }),
  flags: z.array(z.enum(ATTENTION_FILTERS)),
  declineReasons: z.array(z.enum(DECLINE_REASONS)),
});
export const attentionList = z.object({ items: z.array(attentionItem) });
