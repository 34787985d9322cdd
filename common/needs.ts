/** Technology needs and matchmaking (技术需求对接, issue 14, docs/needs.md): shared by server and web. */

export const NEED_STATES = ['open', 'closed', 'withdrawn'] as const;
export type NeedState = (typeof NEED_STATES)[number];

/** Who may read a need besides its enterprise: everyone (portal) or the platform's staff only. */
export const NEED_VISIBILITIES = ['public', 'staff'] as const;
export type NeedVisibility = (typeof NEED_VISIBILITIES)[number];

/** The language the enterprise wrote the need in. */
export const NEED_LANGUAGES = ['zh', 'en'] as const;
export type NeedLanguage = (typeof NEED_LANGUAGES)[number];

/** Moves of a need: the enterprise closes it (met or no longer needed) or withdraws it. */
export const NEED_ACTIONS = ['close', 'withdraw'] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];
export const NEED_TRANSITIONS: Record<NeedAction, { from: readonly NeedState[]; to: NeedState }> = {
  close: { from: ['open'], to: 'closed' },
  withdraw: { from: ['open'], to: 'withdrawn' },
};

/** What a need can be matched to. */
export const MATCH_KINDS = ['technology', 'service', 'instrument', 'unit', 'expert'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A contact from an enterprise to a match: sent, then accepted or declined by the provider. */
export const CONTACT_STATES = ['sent', 'accepted', 'declined', 'withdrawn'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/**
 * Why a provider declines (so the platform learns why needs go unmet, issue 14). `other` needs a text.
 */
export const DECLINE_REASONS = [
  'too_early',
  'benefit_unclear',
  'commercial_route_unclear',
  'out_of_scope',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The officers' list of needs that want attention. */
export const ATTENTION_FILTERS = ['unmatched', 'uncontacted', 'unanswered', 'declined'] as const;
export type AttentionFilter = (typeof ATTENTION_FILTERS)[number];
