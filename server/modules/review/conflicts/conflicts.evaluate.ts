/**
 * The one engine that evaluates any conflict rule set over a call's data, in memory. Pure: no database,
 * no clock (the caller passes `now`). Indexes the consortium by organisation and by person, so the work
 * grows with experts × their own facts, not experts × applications.
 */
import {
  type CollaborationRule,
  type ConflictRule,
  normaliseName,
} from '../../../../common/conflict-rules.js';
import type {
  ApplicationFacts,
  CallConflictData,
  CollaborationFact,
  Evidence,
  ExpertFacts,
  Named,
  ParticipantRole,
} from './conflicts.model.js';

/** Evidence items kept per (pair, rule): enough to explain, small enough to store. */
export const MAX_EVIDENCE = 10;

export interface RuleMatch {
  expertId: string;
  applicationId: string;
  ruleKey: string;
  evidence: Evidence[];
}

interface OrgHit {
  app: ApplicationFacts;
  organisation: Named;
  lead: boolean;
}
interface PersonHit {
  app: ApplicationFacts;
  person: Named;
  role: ParticipantRole;
  organisation: Named | null;
}

/** The earliest date (YYYY-MM-DD) a collaboration may carry and still count: `years` before `now`. */
export function collaborationCutoff(rule: Pick<CollaborationRule, 'years'>, now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - rule.years);
  return d.toISOString().slice(0, 10);
}

/** True when the collaboration is dated on or after the cutoff (undated ones never count). */
export const withinWindow = (c: Pick<CollaborationFact, 'at'>, cutoff: string) =>
  c.at !== null && c.at.slice(0, 10) >= cutoff;

/** Keys a name is compared under: as written (normalised) and with its words sorted (Wei Zhang = Zhang Wei). */
export function nameKeys(name: string | null | undefined): string[] {
  if (!name?.trim()) return [];
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,.\-·•_]+/)
    .filter(Boolean)
    .sort()
    .join('');
  return [...new Set([normaliseName(name), words])].filter(Boolean);
}

export class ConsortiumIndex {
  readonly byOrg = new Map<string, OrgHit[]>();
  readonly byPerson = new Map<string, PersonHit[]>();
  readonly expertsByName = new Map<string, ExpertFacts[]>();

  constructor(data: Pick<CallConflictData, 'applications' | 'experts'>) {
    for (const app of data.applications) {
      for (const m of app.members) {
        push(this.byOrg, m.organisation.id, { app, organisation: m.organisation, lead: m.lead });
      }
      for (const p of app.participants) {
        push(this.byPerson, p.personId, {
          app,
          person: { id: p.personId, name: p.name },
          role: p.role,
          organisation: p.organisation,
        });
      }
    }
    for (const e of data.experts) {
      for (const key of new Set([...nameKeys(e.nameZh), ...nameKeys(e.nameEn)])) {
        push(this.expertsByName, key, e);
      }
    }
  }

  /** Experts an avoid request names: same name (zh or en), and the same organisation when it names one. */
  expertsNamed(request: ApplicationFacts['avoidRequests'][number]): ExpertFacts[] {
    const found = new Map<string, ExpertFacts>();
    for (const key of nameKeys(request.name)) {
      for (const e of this.expertsByName.get(key) ?? []) found.set(e.id, e);
    }
    return [...found.values()].filter(
      (e) => !request.organisation || e.organisation?.id === request.organisation.id,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class MatchCollector {
  readonly matches = new Map<string, RuleMatch>();

  add(expertId: string, applicationId: string, ruleKey: string, evidence: Evidence) {
    const key = `${expertId}|${applicationId}|${ruleKey}`;
    const m = this.matches.get(key);
    if (!m) this.matches.set(key, { expertId, applicationId, ruleKey, evidence: [evidence] });
    else if (m.evidence.length < MAX_EVIDENCE) m.evidence.push(evidence);
  }
}

/** Matches of one expert under one rule, into `out`. `ignoreWindow` lists collaborations of any date. */
export function evaluateExpertRule(
  rule: ConflictRule,
  expert: ExpertFacts,
  facts: {
    index: ConsortiumIndex;
    collaborations: CollaborationFact[];
    declarations: CallConflictData['declarations'];
  },
  now: Date,
  out: MatchCollector,
  opts: { ignoreWindow?: boolean } = {},
): void {
  const { index } = facts;
  const add = (appId: string, ev: Evidence) => out.add(expert.id, appId, rule.key, ev);
  switch (rule.kind) {
    case 'same_organisation': {
      if (!expert.organisation) return;
      for (const hit of index.byOrg.get(expert.organisation.id) ?? []) {
        add(hit.app.id, { kind: 'same_organisation', organisation: hit.organisation, lead: hit.lead });
      }
      return;
    }
    case 'consortium_member': {
      for (const hit of index.byPerson.get(expert.personId) ?? []) {
        add(hit.app.id, {
          kind: 'consortium_member',
          role: hit.role,
          person: hit.person,
          organisation: hit.organisation,
        });
      }
      return;
    }
    case 'collaboration': {
      const cutoff = collaborationCutoff(rule, now);
      for (const c of facts.collaborations) {
        if (!rule.sources.includes(c.source)) continue;
        if (!opts.ignoreWindow && !withinWindow(c, cutoff)) continue;
        const base = {
          kind: 'collaboration' as const,
          source: c.source,
          at: c.at,
          collaborator: {
            person: c.personId ? { id: c.personId, name: c.personName ?? '' } : null,
            organisation: c.organisation,
          },
          via: c.via,
        };
        // A co-author from the expert's own organisation is not a collaboration with another
        // organisation (same_organisation covers the employer).
        if (c.organisation && c.organisation.id !== expert.organisation?.id) {
          for (const hit of index.byOrg.get(c.organisation.id) ?? []) {
            add(hit.app.id, { ...base, matched: { organisation: hit.organisation } });
          }
        }
        if (c.personId && c.personId !== expert.personId) {
          for (const hit of index.byPerson.get(c.personId) ?? []) {
            add(hit.app.id, { ...base, matched: { person: hit.person } });
          }
        }
      }
      return;
    }
    case 'declared_by_expert': {
      for (const d of facts.declarations) {
        const base = { kind: 'declared_by_expert' as const, declarationId: d.id, reason: d.reason };
        if (d.organisation) {
          for (const hit of index.byOrg.get(d.organisation.id) ?? []) {
            add(hit.app.id, { ...base, organisation: hit.organisation });
          }
        }
        if (d.person) {
          for (const hit of index.byPerson.get(d.person.id) ?? []) {
            add(hit.app.id, { ...base, person: hit.person });
          }
        }
      }
      return;
    }
    case 'declared_by_applicant':
      return; // evaluated per application (evaluateApplicantRequests): requests name experts, not vice versa
  }
}

/** declared_by_applicant: each request matched to the experts it names. */
export function evaluateApplicantRequests(
  rule: ConflictRule,
  applications: ApplicationFacts[],
  index: ConsortiumIndex,
  out: MatchCollector,
  onlyExpertId?: string,
): void {
  if (rule.kind !== 'declared_by_applicant') return;
  for (const app of applications) {
    for (const req of app.avoidRequests) {
      for (const e of index.expertsNamed(req)) {
        if (onlyExpertId && e.id !== onlyExpertId) continue;
        out.add(e.id, app.id, rule.key, {
          kind: 'declared_by_applicant',
          requestId: req.id,
          name: req.name,
          organisation: req.organisation,
          reason: req.reason,
        });
      }
    }
  }
}

/** Groups facts by expert once, for every rule. */
export function factsByExpert(data: CallConflictData) {
  const collaborations = new Map<string, CollaborationFact[]>();
  const declarations = new Map<string, CallConflictData['declarations']>();
  for (const c of data.collaborations) push(collaborations, c.expertId, c);
  for (const d of data.declarations) push(declarations, d.expertId, d);
  return { collaborations, declarations };
}

/** Every (expert, application, rule) that matches, with its evidence. */
export function evaluateConflicts(rules: ConflictRule[], data: CallConflictData, now: Date): RuleMatch[] {
  const index = new ConsortiumIndex(data);
  const grouped = factsByExpert(data);
  const out = new MatchCollector();
  for (const rule of rules) {
    if (rule.kind === 'declared_by_applicant') {
      evaluateApplicantRequests(rule, data.applications, index, out);
      continue;
    }
    for (const expert of data.experts) {
      const facts = {
        index,
        collaborations: grouped.collaborations.get(expert.id) ?? [],
        declarations: grouped.declarations.get(expert.id) ?? [],
      };
      evaluateExpertRule(rule, expert, facts, now, out);
    }
  }
  return [...out.matches.values()];
}
