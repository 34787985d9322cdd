import type { TFunction } from 'i18next';
import type {
  CollaborationSource,
  ConflictRule,
  ConflictRuleKind,
} from '../../../../common/conflict-rules.js';
import { tk } from '../../../i18n/index.js';

// The English labels of common/conflict-rules.ts, marked for the catalog.
export const RULE_KINDS_SHOWN: Record<ConflictRuleKind, string> = {
  same_organisation: tk('Same organisation'),
  collaboration: tk('Recent collaboration'),
  consortium_member: tk('Member of the consortium'),
  declared_by_expert: tk('Declared by the expert'),
  declared_by_applicant: tk('Named by the applicant'),
};

export const SOURCES_SHOWN: Record<CollaborationSource, string> = {
  co_applicant: tk('Co-applicants'),
  co_author: tk('Co-authors and project partners'),
  co_inventor: tk('Co-inventors'),
};

const ROLES_SHOWN: Record<string, string> = {
  contact: tk('contact of a consortium member'),
  owner: tk('applicant who filed it'),
  invited: tk('invited member contact'),
};

/** Why a rule did not match (conflicts.explain.ts reason codes). */
export const REASONS_SHOWN: Record<string, string> = {
  expert_has_no_organisation: tk('The expert has no organisation on record'),
  organisation_not_in_consortium: tk('The organisation of the expert is not in the consortium'),
  not_a_participant: tk('The expert takes no part in the application'),
  collaboration_outside_window: tk('Collaborations found, but all before the window'),
  no_collaboration: tk('No collaboration with the consortium'),
  nothing_declared_about_consortium: tk('The expert declared nothing about this consortium'),
  no_avoid_requests: tk('The applicant named nobody to avoid'),
  named_with_other_organisation: tk('Named, but with another organisation'),
  not_named: tk('Nobody the applicant named matches this expert'),
};

/** One readable line per rule: what it excludes. */
export function ruleText(t: TFunction, rule: ConflictRule): string {
  const kind = t(RULE_KINDS_SHOWN[rule.kind]);
  if (rule.kind !== 'collaboration') return kind;
  const sources = rule.sources.map((s) => t(SOURCES_SHOWN[s])).join(', ');
  return `${kind}: ${t('within {{years}} years', { years: rule.years, count: rule.years })} (${sources})`;
}

type Named = { id: string; name: string } | null | undefined;
type Via =
  | { kind: 'output'; title: string; year: number | null }
  | { kind: 'ip_disclosure'; refNo: string; title: string; date: string }
  | { kind: 'application'; receiptNo: string | null; title: string | null; date: string };

/** A readable sentence of one stored evidence item (conflicts.model.ts Evidence). */
export function evidenceText(t: TFunction, ev: Record<string, unknown>): string {
  const e = ev as unknown as {
    organisation?: Named;
    person?: Named;
    lead?: boolean;
    role?: string;
    via: Via;
    matched: { organisation?: Named; person?: Named };
    source: CollaborationSource;
    reason?: string;
    name?: string;
  };
  const name = (n: Named) => n?.name ?? '';
  switch (ev.kind) {
    case 'same_organisation':
      return (
        t('Organisation {{name}} is in the consortium', { name: name(e.organisation) }) +
        (e.lead ? ` ${t('(lead)')}` : '')
      );
    case 'consortium_member':
      return t('{{person}} is the {{role}}', {
        person: name(e.person),
        role: t(ROLES_SHOWN[e.role ?? ''] ?? e.role ?? ''),
      });
    case 'collaboration': {
      const via = e.via;
      const where =
        via.kind === 'output'
          ? `«${via.title}» ${via.year ?? ''}`
          : via.kind === 'ip_disclosure'
            ? `${t('Disclosure')} ${via.refNo} «${via.title}» ${via.date}`
            : `${t('Application')} ${via.receiptNo ?? ''} «${via.title ?? ''}» ${via.date}`;
      const matched = e.matched;
      const with_ = matched.organisation ? name(matched.organisation) : name(matched.person);
      return `${t(SOURCES_SHOWN[e.source])}: ${where} — ${t('with {{name}}', { name: with_ })}`;
    }
    case 'declared_by_expert':
      return t('The expert declared {{name}}: {{reason}}', {
        name: name(e.organisation) || name(e.person),
        reason: e.reason,
      });
    case 'declared_by_applicant':
      return (
        t('The applicant named “{{name}}”: {{reason}}', { name: e.name, reason: e.reason }) +
        (e.organisation ? ` (${name(e.organisation)})` : '')
      );
    default:
      return JSON.stringify(ev);
  }
}
