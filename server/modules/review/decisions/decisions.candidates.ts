import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { currentMembers, reviewedApplications } from '../../applications/applications.lookup.js';
import type { CallRecord } from '../../calls/calls.lookup.js';
import { organisationsByIds } from '../../orgs/orgs.lookup.js';
import type { Candidate } from '../engines/funding-decision/model.js';
import { computePanel } from '../scoring/panel.compute.js';

/** A candidate with what the views and the notifications need besides the solver's inputs. */
export interface CandidateRow extends Candidate {
  titleZh: string | null;
  titleEn: string | null;
  reportZh: string | null;
  reportEn: string | null;
}

/** Applications without any score rank after all scored ones. */
const UNRANKED = 1_000_000;

/**
 * The call's in-review applications as the decision sees them: the panel's score (consensus, else the
 * calibrated mean), thresholds and rank from the scoring module, the requested total, the field, and
 * the part requested by SME members of the frozen version (organisations.enterprise_size = 'sme').
 */
export async function loadCandidates(db: Kysely<DB>, call: CallRecord): Promise<CandidateRow[]> {
  const apps = await reviewedApplications(db, call.id);
  if (apps.length === 0) return [];
  const panel = new Map((await computePanel(db, call)).applications.map((a) => [a.applicationId, a]));
  const members = await currentMembers(db, call.id);
  const orgs = await organisationsByIds(
    db,
    members.map((m) => m.organisationId),
  );
  const smeOf = new Map<string, number>();
  for (const m of members)
    if (orgs.get(m.organisationId)?.enterpriseSize === 'sme')
      smeOf.set(m.applicationId, (smeOf.get(m.applicationId) ?? 0) + m.requestedMinor);
  return apps.map((a) => {
    const p = panel.get(a.id);
    const score = p?.score ?? null;
    return {
      applicationId: a.id,
      number: a.receiptNo ?? a.id,
      rank: p?.rank ?? UNRANKED,
      score: score ?? 0,
      passesThresholds: score !== null && (p?.passesThresholds ?? false),
      failedThresholds: score === null ? ['no_score'] : (p?.missedThresholds ?? []),
      requestedMinor: a.requestedTotalMinor,
      fieldId: a.fieldId,
      smeMinor: Math.min(smeOf.get(a.id) ?? 0, a.requestedTotalMinor),
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      reportZh: p?.consensus?.reportZh ?? null,
      reportEn: p?.consensus?.reportEn ?? null,
    };
  });
}
