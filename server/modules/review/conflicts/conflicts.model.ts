/**
 * The in-memory picture of one call that the conflict engine evaluates (loaded by conflicts.data.ts in a
 * few queries; built by hand in the unit tests). Organisation ids are already resolved through merges.
 */
import type { CollaborationSource } from '../../../../common/conflict-rules.js';

export interface Named {
  id: string;
  name: string;
}

export interface ExpertFacts {
  id: string;
  personId: string;
  nameZh: string;
  nameEn: string | null;
  /** The expert's organisation: their person's organisation. */
  organisation: Named | null;
}

/** How a person takes part in an application. */
export type ParticipantRole = 'contact' | 'owner' | 'invited';

export interface ApplicationFacts {
  id: string;
  receiptNo: string | null;
  titleZh: string | null;
  titleEn: string | null;
  /** Consortium members of the current (submitted) version. */
  members: Array<{ organisation: Named; lead: boolean }>;
  /** Contact persons of members, the owner's person, confirmed invitees. */
  participants: Array<{ personId: string; name: string; role: ParticipantRole; organisation: Named | null }>;
  /** What the applicant asked: experts not to be reviewed by. */
  avoidRequests: Array<{ id: string; name: string; organisation: Named | null; reason: string }>;
}

/** Where a collaboration was recorded. */
export type CollaborationVia =
  | { kind: 'output'; outputId: string; outputKind: string; title: string; year: number | null }
  | { kind: 'ip_disclosure'; disclosureId: string; refNo: string; title: string; date: string }
  | {
      kind: 'application';
      applicationId: string;
      receiptNo: string | null;
      title: string | null;
      date: string;
    };

/** One collaborator of an expert: a person and/or an organisation, dated. */
export interface CollaborationFact {
  expertId: string;
  source: CollaborationSource;
  /** ISO date of the collaboration; null = undated (never counts). Year-only outputs use 31 December. */
  at: string | null;
  personId: string | null;
  personName: string | null;
  organisation: Named | null;
  via: CollaborationVia;
}

export interface DeclarationFact {
  id: string;
  expertId: string;
  organisation: Named | null;
  person: Named | null;
  reason: string;
}

export interface CallConflictData {
  experts: ExpertFacts[];
  applications: ApplicationFacts[];
  collaborations: CollaborationFact[];
  declarations: DeclarationFact[];
}

/** What matched, per rule kind (stored as conflict_exclusions.evidence_json: { matches: Evidence[] }). */
export type Evidence =
  | { kind: 'same_organisation'; organisation: Named; lead: boolean }
  | { kind: 'consortium_member'; role: ParticipantRole; person: Named; organisation: Named | null }
  | {
      kind: 'collaboration';
      source: CollaborationSource;
      at: string | null;
      collaborator: { person: Named | null; organisation: Named | null };
      via: CollaborationVia;
      /** What of this application the collaborator is: a member organisation or a participant. */
      matched: { organisation?: Named; person?: Named };
    }
  | {
      kind: 'declared_by_expert';
      declarationId: string;
      reason: string;
      organisation?: Named;
      person?: Named;
    }
  | {
      kind: 'declared_by_applicant';
      requestId: string;
      name: string;
      organisation: Named | null;
      reason: string;
    };

export const pairKey = (expertId: string, applicationId: string) => `${expertId}|${applicationId}`;
