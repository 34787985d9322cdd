import type {
  AttentionFilter,
  ContactState,
  DeclineReason,
  MatchKind,
  NeedState,
} from '../../../common/needs.js';
import { tk } from '../../i18n/index.js';

/** Why a provider declines (English labels double as i18n keys). */
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  too_early: tk('Too early'),
  benefit_unclear: tk('Benefit unclear'),
  commercial_route_unclear: tk('Commercial route unclear'),
  out_of_scope: tk('Out of scope'),
  other: tk('Other reason'),
};
export const MATCH_KIND_LABELS: Record<MatchKind, string> = {
  technology: tk('Technology for licensing'),
  service: tk('Service'),
  instrument: tk('Instrument'),
  unit: tk('Unit'),
  expert: tk('Domain expert'),
};

export const NEED_STATE_LABELS: Record<NeedState, string> = {
  open: tk('Need open'),
  closed: tk('Need closed'),
  withdrawn: tk('Need withdrawn'),
};
export const CONTACT_STATE_LABELS: Record<ContactState, string> = {
  sent: tk('Awaiting answer'),
  accepted: tk('Contact accepted'),
  declined: tk('Contact declined'),
  withdrawn: tk('Contact withdrawn'),
};
export const ATTENTION_LABELS: Record<AttentionFilter, string> = {
  unmatched: tk('No match'),
  uncontacted: tk('Not contacted'),
  unanswered: tk('Unanswered'),
  declined: tk('All declined'),
};

/** Cuts `text` where one of `terms` occurs (case-insensitive), so the matched terms can be marked. */
export function highlightParts(
  text: string,
  terms: readonly string[],
): Array<{ text: string; hit: boolean }> {
  const wanted = terms.filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, hit: false }];
  const escaped = wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(re)
    .filter((p) => p !== '')
    .map((p) => ({ text: p, hit: wanted.some((w) => w.toLowerCase() === p.toLowerCase()) }));
}
