import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { CallRecord } from '../../calls/calls.lookup.js';
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
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'receipt_no', 'title_zh', 'title_en', 'field_id', 'requested_total_minor', 'version_no'])
    .where('call_id', '=', call.id)
    .where('state', '=', 'in_review')
    .execute();
  if (apps.length === 0) return [];
  const panel = new Map((await computePanel(db, call)).applications.map((a) => [a.applicationId, a]));
  const sme = await db
    .selectFrom('application_members as m')
    .innerJoin('application_versions as v', 'v.id', 'm.version_id')
    .innerJoin('applications as a', (j) =>
      j.onRef('a.id', '=', 'v.application_id').onRef('a.version_no', '=', 'v.version_no'),
    )
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['a.id as applicationId', 'm.requested_minor'])
    .where('a.call_id', '=', call.id)
    .where('a.state', '=', 'in_review')
    .where('o.enterprise_size', '=', 'sme')
    .execute();
  const smeOf = new Map<string, number>();
  for (const s of sme)
    smeOf.set(s.applicationId, (smeOf.get(s.applicationId) ?? 0) + Number(s.requested_minor));
  return apps.map((a) => {
    const p = panel.get(a.id);
    const score = p?.score ?? null;
    return {
      applicationId: a.id,
      number: a.receipt_no ?? a.id,
      rank: p?.rank ?? UNRANKED,
      score: score ?? 0,
      passesThresholds: score !== null && (p?.passesThresholds ?? false),
      failedThresholds: score === null ? ['no_score'] : (p?.missedThresholds ?? []),
      requestedMinor: Number(a.requested_total_minor),
      fieldId: a.field_id,
      smeMinor: Math.min(smeOf.get(a.id) ?? 0, Number(a.requested_total_minor)),
      titleZh: a.title_zh,
      titleEn: a.title_en,
      reportZh: p?.consensus?.reportZh ?? null,
      reportEn: p?.consensus?.reportEn ?? null,
    };
  });
}
