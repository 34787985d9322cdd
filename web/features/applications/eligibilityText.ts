import type { TFunction } from 'i18next';
import type { EligibilityRuleKind } from '../../../common/eligibility.js';
import type { EligibilityView } from '../../api/applications.js';
import { RULE_LABELS } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { ORG_TYPE_LABELS } from '../../components/org-labels.js';
import { tk } from '../../i18n/index.js';

/**
 * The reasons server/modules/applications/eligibility.ts gives, marked for the catalog: the engine sends
 * the English text as a key with params, the page fills them in in the viewer's language.
 */
export const ELIGIBILITY_REASONS = [
  tk('The lead organisation is of an allowed type'),
  tk('The lead organisation must be one of these types: {{allowed}}'),
  tk('Every organisation is of an allowed type'),
  tk('Every organisation must be one of these types: {{allowed}}'),
  tk('The consortium is large enough'),
  tk('The consortium needs at least {{min}} organisations (now {{count}})'),
  tk('The consortium includes an enterprise'),
  tk('The consortium must include an enterprise'),
  tk('SMEs make up enough of the consortium'),
  tk('SMEs must make up at least {{required}} % of the consortium ({{basis}}); now {{actual}} %'),
  tk('The requested amount is within the ceiling'),
  tk('The requested amount {{requested}} exceeds the ceiling {{ceiling}}'),
  tk('The co-funding is sufficient'),
  tk(
    'Co-funding ({{from}}) must be at least {{ratio}} × the requested amount: needs {{needed}}, has {{cofunding}}',
  ),
];

const WORDS: Record<string, string> = {
  members: tk('by number of members'),
  requested_budget: tk('by requested budget'),
  all_members: tk('co-funding of all members'),
  enterprises: tk('co-funding of enterprises only'),
};
const MONEY_PARAMS = new Set(['requested', 'ceiling', 'needed', 'cofunding']);

type Outcome = EligibilityView['outcomes'][number];

/** One outcome's reason in the viewer's language, its codes named and its amounts formatted. */
export function reasonText(t: TFunction, o: Outcome, currency: string, locale: string): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o.params)) {
    if (k === 'allowed' && typeof v === 'string')
      params[k] = v
        .split(',')
        .map((x) => t(ORG_TYPE_LABELS[x as keyof typeof ORG_TYPE_LABELS] ?? x))
        .join(' / ');
    else if (MONEY_PARAMS.has(k) && typeof v === 'number') params[k] = money(v, currency, locale);
    else if (typeof v === 'string' && WORDS[v]) params[k] = t(WORDS[v]);
    else params[k] = v;
  }
  return t(o.reason, params);
}

export const ruleLabel = (t: TFunction, kind: string): string =>
  kind in RULE_LABELS ? t(RULE_LABELS[kind as EligibilityRuleKind]) : kind;
