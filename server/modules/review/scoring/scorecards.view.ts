import type { Kysely } from 'kysely';
import { COST_CATEGORIES, CRITERION_DIMENSION } from '../../../../common/calls.js';
import type { DB } from '../../../db/schema.js';
import {
  attachmentsOf,
  budgetOf,
  latestFrozenVersion,
  loadApplication,
  membersOf,
  organisationsById,
} from '../../applications/applications.lookup.js';
import type { ApplicationContent } from '../../applications/applications.schema.js';
import { loadCall } from '../../calls/calls.lookup.js';
import type { SeatContext } from './scorecards.access.js';
import { scoresOf } from './scoring.repository.js';
import type { ScorecardView } from './scoring.schema.js';

/**
 * The application as its reviewer reads it: the latest frozen version (what was submitted, not a
 * correction in progress), the consortium's organisations without their contacts, budget totals per
 * category and the list of attachments. Nothing about the owner or the other reviewers.
 */
async function reviewerApplication(db: Kysely<DB>, applicationId: string) {
  const app = (await loadApplication(db, applicationId))!;
  const [call, version] = await Promise.all([
    loadCall(db, app.callId),
    latestFrozenVersion<ApplicationContent>(db, applicationId),
  ]);
  const [members, budget, attachments] = await Promise.all([
    membersOf(db, version.id),
    budgetOf(db, version.id),
    attachmentsOf(db, version.id),
  ]);
  const orgs = await organisationsById(
    db,
    members.map((m) => m.organisationId),
  );
  return {
    id: app.id,
    callId: app.callId,
    callCode: call!.code,
    callTitleZh: call!.titleZh,
    callTitleEn: call!.titleEn,
    versionNo: version.versionNo,
    receiptNo: version.receiptNo,
    submittedAt: app.submittedAt,
    currency: app.currency,
    requestedTotalMinor: Number(app.requestedTotalMinor),
    content: version.content,
    consortium: members.map((m) => {
      const o = orgs.get(m.organisationId)!;
      return {
        position: m.position,
        organisation: { id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, type: o.type },
        role: m.role,
        requestedMinor: m.requestedMinor,
        cofundingMinor: m.cofundingMinor,
      };
    }),
    budgetByCategory: COST_CATEGORIES.map((category) => ({
      category,
      amountMinor: budget.filter((b) => b.category === category).reduce((s, b) => s + b.amountMinor, 0),
    })).filter((b) => b.amountMinor > 0),
    attachments: attachments.map((a) => ({
      id: a.id,
      key: a.key,
      fileName: a.fileName,
      type: a.type,
      sizeBytes: a.sizeBytes,
    })),
  };
}

/** The scorecard page's data: application, criteria on the call's scale, the expert's own scores. */
export async function scorecardView(
  db: Kysely<DB>,
  s: SeatContext,
  refusal: unknown,
): Promise<ScorecardView> {
  const scores = s.card ? await scoresOf(db, s.card.id) : [];
  const order = s.criteria.items.map((i) => i.key as string);
  return {
    assignmentId: s.seat.id,
    label: s.seat.label,
    application: await reviewerApplication(db, s.seat.applicationId),
    scale: s.criteria.scale,
    criteria: s.criteria.items.map((i) => ({
      key: i.key,
      weight: i.weight,
      dimension: CRITERION_DIMENSION[i.key],
    })),
    scoringClosesAt: s.scoringClosesAt,
    declaredAt: s.card?.noConflictDeclaredAt ?? null,
    state: s.card?.state ?? null,
    scores: [...scores].sort((a, b) => order.indexOf(a.criterion) - order.indexOf(b.criterion)),
    overallComment: s.card?.overallComment ?? null,
    weightedTotal: s.card?.weightedTotal ?? null,
    submittedAt: s.card?.submittedAt ?? null,
    access: {
      canDeclare: !refusal && !s.card?.noConflictDeclaredAt,
      canEdit: !refusal && !!s.card?.noConflictDeclaredAt,
    },
  };
}
