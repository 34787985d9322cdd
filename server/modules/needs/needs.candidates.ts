import type { Kysely } from 'kysely';
import type { MatchKind } from '../../../common/needs.js';
import type { DB } from '../../db/schema.js';
import { fieldPaths } from '../fields/fields.lookup.js';
import { publishedInstrumentsOf } from '../instruments/instruments.lookup.js';
import { publishedPublicResults } from '../results/results.service.js';
import {
  assignmentProfiles,
  expertPersonNames,
  userIdsOfExperts,
} from '../review/experts/experts.service.js';
import { publishedServicesOf } from '../services/services.lookup.js';
import { unitsWithFields } from '../units/units.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import type { MatchCandidate } from './needs.matching.js';

/** A candidate with what the views and contacts need: names, and who answers a contact. */
export interface Candidate extends MatchCandidate {
  nameZh: string;
  nameEn: string;
  fieldIds: string[];
  unitId: string | null;
  providerUserId: string | null;
}

const joined = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join('\n');

/**
 * Everything a need of the platform may be matched to, read through the owning modules (docs/adr/0015):
 * public published results that are technologies or offer licences, published services and instruments,
 * the platform's units, and the active experts of the expert database (which is shared by all platforms).
 */
export async function candidatesOf(
  db: Kysely<DB>,
  platformId: string,
  kind?: MatchKind,
): Promise<Candidate[]> {
  const paths = await fieldPaths(db);
  const toPaths = (ids: readonly string[]) => ids.flatMap((id) => (paths.has(id) ? [paths.get(id)!] : []));
  const want = (k: MatchKind) => !kind || kind === k;
  const out: Candidate[] = [];
  const directors = new Map((await unitAuthorities(db, platformId)).map((u) => [u.id, u.directorUserId]));

  if (want('technology'))
    for (const r of await publishedPublicResults(db)) {
      if (r.platformId !== platformId) continue;
      if (r.type !== 'technology' && r.licenceTypes.length === 0) continue;
      out.push({
        kind: 'technology',
        id: r.id,
        nameZh: r.titleZh,
        nameEn: r.titleEn,
        text: joined(
          r.titleZh,
          r.titleEn,
          r.summaryZh,
          r.summaryEn,
          r.problemZh,
          r.problemEn,
          r.applicationsZh,
          r.applicationsEn,
        ),
        fieldIds: r.fieldIds,
        fieldPaths: toPaths(r.fieldIds),
        unitId: r.unitId,
        providerUserId: null,
      });
    }
  if (want('service'))
    for (const s of await publishedServicesOf(db, platformId))
      out.push({
        kind: 'service',
        id: s.id,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        text: joined(s.nameZh, s.nameEn, s.descriptionZh, s.descriptionEn, s.methodStandard),
        fieldIds: s.fieldIds,
        fieldPaths: toPaths(s.fieldIds),
        unitId: s.unitId,
        providerUserId: null,
      });
  if (want('instrument'))
    for (const i of await publishedInstrumentsOf(db, platformId))
      out.push({
        kind: 'instrument',
        id: i.id,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        text: joined(i.nameZh, i.nameEn, i.model),
        fieldIds: i.fieldIds,
        fieldPaths: toPaths(i.fieldIds),
        unitId: i.unitId,
        providerUserId: null,
      });
  if (want('unit'))
    for (const u of await unitsWithFields(db, platformId))
      out.push({
        kind: 'unit',
        id: u.id,
        nameZh: u.nameZh,
        nameEn: u.nameEn,
        text: joined(u.nameZh, u.nameEn, u.descriptionZh, u.descriptionEn),
        fieldIds: u.fieldIds,
        fieldPaths: toPaths(u.fieldIds),
        unitId: directors.has(u.id) ? u.id : null,
        providerUserId: null,
      });
  if (want('expert')) {
    const p = await assignmentProfiles(db);
    const active = p.experts.filter((e) => e.active);
    const ids = active.map((e) => e.id);
    const names = await expertPersonNames(db, ids);
    const accounts = await userIdsOfExperts(db, ids);
    for (const e of active) {
      const fieldIds = p.fields.filter((f) => f.expertId === e.id).map((f) => f.fieldId);
      const outputs = p.outputs.filter((o) => o.expertId === e.id);
      out.push({
        kind: 'expert',
        id: e.id,
        nameZh: names.get(e.id)?.nameZh ?? '',
        nameEn: names.get(e.id)?.nameEn ?? names.get(e.id)?.nameZh ?? '',
        text: joined(e.expertiseZh, e.expertiseEn, ...outputs.map((o) => joined(o.title, o.abstract))),
        fieldIds,
        fieldPaths: toPaths(fieldIds),
        unitId: null,
        providerUserId: accounts.get(e.id) ?? null,
      });
    }
  }
  return out;
}
