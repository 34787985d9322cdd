/**
 * Why one (expert, application) pair is or is not excluded: every rule of the call's rule set, matched
 * with its evidence, or the reason it did not match (a code the UI words) with the facts behind it.
 */
import type { ConflictRule } from '../../../../common/conflict-rules.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { loadCallConflictData } from './conflicts.data.js';
import {
  ConsortiumIndex,
  collaborationCutoff,
  evaluateApplicantRequests,
  evaluateExpertRule,
  MatchCollector,
} from './conflicts.evaluate.js';
import type { ApplicationFacts, CallConflictData, ExpertFacts } from './conflicts.model.js';
import { ruleSetOfCall } from './conflicts.rulesets.js';
import type { ExplainView } from './conflicts.schema.js';
import { callForOfficer } from './conflicts.service.js';
import { getRuleSet } from './conflicts.versions.js';

type RuleExplanation = ExplainView['rules'][number];

export async function explainPair(ctx: Ctx, callId: string, expertId: string, applicationId: string) {
  await callForOfficer(ctx, callId);
  const data = await loadCallConflictData(ctx.db, callId, { expertId, applicationId });
  const expert = data.experts[0];
  const app = data.applications[0];
  if (!expert) throw notFound('conflicts.expert_not_found');
  if (!app) throw new AppError(404, 'conflicts.not_in_call');
  const ruleSet = await ruleSetOfCall(ctx.db, callId);
  const rules = ruleSet.rules.map((rule) => explainRule(rule, data, expert, app, ctx.clock.now()));
  return {
    expert: { id: expert.id, name: expert.nameZh || expert.nameEn || '', organisation: expert.organisation },
    application: { id: app.id, receiptNo: app.receiptNo, title: app.titleZh || app.titleEn },
    ruleSet: await getRuleSet(ctx, ruleSet.id),
    excluded: rules.some((r) => r.matched),
    rules,
  };
}

/** One rule over one pair (`data` holds just that expert and that application). */
export function explainRule(
  rule: ConflictRule,
  data: CallConflictData,
  expert: ExpertFacts,
  app: ApplicationFacts,
  now: Date,
): RuleExplanation {
  const index = new ConsortiumIndex(data);
  const facts = { index, collaborations: data.collaborations, declarations: data.declarations };
  const run = (ignoreWindow = false) => {
    const out = new MatchCollector();
    if (rule.kind === 'declared_by_applicant') evaluateApplicantRequests(rule, [app], index, out, expert.id);
    else evaluateExpertRule(rule, expert, facts, now, out, { ignoreWindow });
    return [...out.matches.values()].find((m) => m.applicationId === app.id)?.evidence ?? [];
  };
  const evidence = run();
  const result = { ruleKey: rule.key, kind: rule.kind, evidence };
  if (evidence.length > 0) return { ...result, matched: true, reason: null, detail: {} };
  const no = (reason: string, detail: Record<string, unknown> = {}) => ({
    ...result,
    matched: false,
    reason,
    detail,
  });
  const consortium = app.members.map((m) => m.organisation);
  switch (rule.kind) {
    case 'same_organisation':
      return expert.organisation
        ? no('organisation_not_in_consortium', { expertOrganisation: expert.organisation, consortium })
        : no('expert_has_no_organisation', { consortium });
    case 'consortium_member':
      return no('not_a_participant', { participants: app.participants.length });
    case 'collaboration': {
      const cutoff = collaborationCutoff(rule, now);
      const outside = run(true);
      const considered = data.collaborations.filter((c) => rule.sources.includes(c.source));
      return outside.length > 0
        ? no('collaboration_outside_window', { cutoff, years: rule.years, outsideWindow: outside })
        : no('no_collaboration', {
            cutoff,
            years: rule.years,
            collaborations: considered.length,
            undated: considered.filter((c) => c.at === null).length,
          });
    }
    case 'declared_by_expert':
      return no('nothing_declared_about_consortium', { declarations: data.declarations.length });
    case 'declared_by_applicant': {
      if (app.avoidRequests.length === 0) return no('no_avoid_requests');
      const sameName = new ConsortiumIndex({ applications: [], experts: [expert] });
      const nameOnly = app.avoidRequests.filter(
        (r) => sameName.expertsNamed({ ...r, organisation: null }).length > 0,
      );
      return nameOnly.length > 0
        ? no('named_with_other_organisation', { requests: nameOnly })
        : no('not_named', { requests: app.avoidRequests.length });
    }
  }
}
