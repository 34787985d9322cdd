import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { committeeMembersOf } from '../committee/committee.service.js';
import { personSummaries } from '../people/people.service.js';
import { unitRecord } from '../units/units.service.js';
import { unitResults } from './lab-evaluations.report.js';
import { conflictsOf, portfoliosOf, type Round } from './lab-evaluations.repository.js';
import type { RoundDetail, RoundSummary, UnitResult } from './lab-evaluations.schema.js';
import { scorecardsOfRounds, scoresOf } from './lab-evaluations.scorecards.repository.js';

// Pure-ish shaping of rounds into responses: names of people and units are looked up in bulk.

type UnitRef = UnitResult['unit'];

export async function unitRefs(db: Kysely<DB>, ids: readonly string[]): Promise<UnitRef[]> {
  const out: UnitRef[] = [];
  for (const id of ids) {
    const u = await unitRecord(db, id);
    if (u) out.push({ id: u.id, code: u.code, nameZh: u.nameZh, nameEn: u.nameEn });
  }
  return out.sort((a, b) => (a.code ?? a.nameEn).localeCompare(b.code ?? b.nameEn));
}

async function peopleById(db: Kysely<DB>, ids: string[]) {
  const people = await personSummaries(db, [...new Set(ids)]);
  return new Map(people.map((p) => [p.id, { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn }]));
}

export async function roundSummaries(db: Kysely<DB>, rounds: readonly Round[]): Promise<RoundSummary[]> {
  if (rounds.length === 0) return [];
  const members = await committeeMembersOf(db, rounds[0]!.platformId);
  const people = await peopleById(
    db,
    members.map((m) => m.personId),
  );
  const cards = await scorecardsOfRounds(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => {
    const mine = cards.filter((c) => c.roundId === r.id);
    const chair = members.find((m) => m.id === r.chairMemberId)!;
    return {
      id: r.id,
      platformId: r.platformId,
      fromYear: r.fromYear,
      toYear: r.toYear,
      startDate: r.startDate,
      endDate: r.endDate,
      state: r.state,
      criteria: r.criteria,
      chair: { memberId: r.chairMemberId, person: people.get(chair.personId)! },
      openedAt: r.openedAt,
      adoptedAt: r.adoptedAt,
      reportSha256: r.reportSha256,
      progress: { submitted: mine.filter((c) => c.state === 'submitted').length, total: mine.length },
    };
  });
}

/** The round for its reader: completeness and conflicts for the admins, the running aggregates for them and the chair. */
export async function roundDetail(
  db: Kysely<DB>,
  round: Round,
  access: { manage: boolean; chair: boolean },
): Promise<RoundDetail> {
  const [summary] = await roundSummaries(db, [round]);
  const portfolios = await portfoliosOf(db, [round.id]);
  const units = await unitRefs(
    db,
    portfolios.map((p) => p.unitId),
  );
  const members = await committeeMembersOf(db, round.platformId);
  const people = await peopleById(
    db,
    members.map((m) => m.personId),
  );
  const memberRef = (id: string) => {
    const m = members.find((x) => x.id === id)!;
    return { memberId: m.id, person: people.get(m.personId)!, category: m.category };
  };
  const cards = await scorecardsOfRounds(db, [round.id]);
  const seesProgress = access.manage || access.chair;
  let report = round.report as RoundDetail['report'];
  if (!report && seesProgress) {
    const scores = await scoresOf(
      db,
      cards.filter((c) => c.state === 'submitted').map((c) => c.id),
    );
    report = { units: unitResults(round.criteria, units, cards, scores), summaryZh: null, summaryEn: null };
  }
  return {
    ...summary!,
    units: units.map((unit) => ({
      unit,
      portfolio: portfolios.find((p) => p.unitId === unit.id)!.portfolio,
      scorecards: seesProgress
        ? cards
            .filter((c) => c.unitId === unit.id)
            .map((c) => ({ scorecardId: c.id, member: memberRef(c.memberId), state: c.state }))
        : null,
    })),
    conflicts: access.manage
      ? (await conflictsOf(db, round.id)).map((c) => ({
          unitId: c.unitId,
          memberId: c.memberId,
          person: memberRef(c.memberId).person,
          rule: c.rule,
          evidence: c.evidence,
        }))
      : null,
    report,
    access: {
      manage: access.manage && round.state === 'open',
      adopt: access.chair && round.state === 'open',
    },
  };
}
