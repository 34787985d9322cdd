import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { latestFrozenContents, reviewedApplications } from '../../applications/applications.lookup.js';
import { fieldPaths } from '../../fields/fields.lookup.js';
import type { AffinityExpert, AffinityItem, AffinityModel } from '../engines/affinity/affinity.types.js';
import { createBilingualModel } from '../engines/affinity/lexical-model.js';
import type { AssignmentInstance, ExpertCategory } from '../engines/assignment/instance.js';
import { assignmentProfiles } from '../experts/experts.service.js';
import { excludedPairs } from './conflicts.port.js';
import { activeOverridesById, type SettingsRow, storedComposition } from './runs.repository.js';

/** Above this many candidates per application only the best by affinity are kept (plus fixed pairs). */
export const MAX_CANDIDATES_PER_APPLICATION = 200;
const DAY = 86_400_000;

export interface BuildOptions {
  /** Pairs fixed before solving (refill: the seats kept); merged with the officers' pins. */
  fixed?: [string, string][];
  /** Pairs excluded besides conflicts and forbids (refill: declined and expired seats). */
  forbid?: [string, string][];
  /** The affinity model; the offline bilingual lexical model by default. */
  model?: AffinityModel;
}

export interface BuiltInstance {
  instance: AssignmentInstance;
  /** Milliseconds per phase: build (database reads), conflicts, affinity. */
  timings: { build: number; conflicts: number; affinity: number };
}

const pairKey = (e: string, a: string) => `${e}|${a}`;
const joined = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join('\n');

/** What an instance is built from, whatever the items are (applications of a call, project checks). */
export interface InstanceSpec {
  /** The items to staff, with their text for the affinity model, ordered by id. */
  items: AffinityItem[];
  /** Seats per item. */
  k: number;
  composition: { academic: number; industry: number; lab?: number };
  load: { min: number; max: number };
  top: number;
  now: Date;
  /** The end of the review period: experts must be available some time in [now, end]. */
  end: Date;
  /** The conflicted pairs `${expertId}|${itemId}`, from the conflicts engine under the subject's rule set. */
  excluded: () => Promise<Set<string>>;
  /** The officers' pins and forbids (besides opts.fixed and opts.forbid). */
  pins?: [string, string][];
  forbid?: [string, string][];
}

/**
 * The engine's instance for any items: the active experts available during the review, no conflicted
 * pair, affinity from the model behind AffinityModel, pins (the officers' and the seats a refill keeps)
 * and forbids. Deterministic for the same database state.
 */
export async function buildInstance(
  trx: Transaction<DB>,
  spec: InstanceSpec,
  opts: BuildOptions = {},
): Promise<BuiltInstance> {
  let t = performance.now();
  const lap = () => {
    const t1 = performance.now();
    const ms = Math.round(t1 - t);
    t = t1;
    return ms;
  };
  const { items } = spec;
  const keepExperts = new Set((opts.fixed ?? []).map((p) => p[0]));
  const profileData = await assignmentProfiles(trx);
  const experts = availableExperts(profileData, spec.now, spec.end, keepExperts);
  const profiles = await profilesOf(trx, profileData, experts);
  const build = lap();

  const excluded = await spec.excluded();
  const conflicts = lap();

  const itemIds = new Set(items.map((a) => a.id));
  const expertIds = new Set(experts.map((e) => e.id));
  const known = ([e, a]: [string, string]) => expertIds.has(e) && itemIds.has(a);
  const refused = new Set((opts.forbid ?? []).map(([e, a]) => pairKey(e, a)));
  // An officer's pin counts while its pair is in the review and not declined (refill forbids those).
  const pins: [string, string][] = [
    ...(spec.pins ?? []).filter((p) => known(p) && !refused.has(pairKey(p[0], p[1]))),
    ...(opts.fixed ?? []),
  ];
  const pinKeys = new Set(pins.map(([e, a]) => pairKey(e, a)));
  const forbid = [...(spec.forbid ?? []), ...(opts.forbid ?? [])].filter(known);

  const model = opts.model ?? createBilingualModel();
  await model.prepare(profiles);
  await model.prepareItems?.(items);
  const affinity: [string, string, number][] = [];
  const conflictList: [string, string][] = [];
  for (const item of items) {
    const scored: [string, string, number][] = [];
    for (const expert of profiles) {
      const key = pairKey(expert.id, item.id);
      if (excluded.has(key)) {
        conflictList.push([expert.id, item.id]);
        continue;
      }
      scored.push([expert.id, item.id, Math.round(model.score(expert, item) * 1e6) / 1e6]);
    }
    const keep =
      scored.length <= MAX_CANDIDATES_PER_APPLICATION
        ? scored
        : [...scored]
            .sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : 1))
            .filter((p, i) => i < MAX_CANDIDATES_PER_APPLICATION || pinKeys.has(pairKey(p[0], p[1])));
    const kept = new Set(keep.map((p) => p[0]));
    affinity.push(...scored.filter((p) => kept.has(p[0])));
  }
  const affinityMs = lap();

  const instance: AssignmentInstance = {
    k: spec.k,
    composition: spec.composition,
    experts: experts.map((e) => {
      const maxLoad = Math.min(spec.load.max, e.loadMax);
      return {
        id: e.id,
        category: e.category as ExpertCategory,
        minLoad: Math.min(spec.load.min, maxLoad),
        maxLoad,
      };
    }),
    applications: items.map((a) => ({ id: a.id })),
    affinity,
    conflicts: conflictList,
    pins: dedupe(pins),
    forbid: dedupe(forbid),
    top: spec.top,
  };
  return { instance, timings: { build, conflicts, affinity: affinityMs } };
}

/**
 * The engine's instance for a call, from the database: its in_review applications, the active experts
 * available during the review (docs/review-assignment.md), no conflicted pair, affinity from the model
 * behind AffinityModel, the officers' pins and forbids. Deterministic for the same database state.
 */
export async function buildCallInstance(
  trx: Transaction<DB>,
  call: { id: string; reviewersPerApplication: number },
  settings: SettingsRow,
  now: Date,
  opts: BuildOptions = {},
): Promise<BuiltInstance> {
  // By id, so the same database state gives the same instance (and input hash); UUIDs sort alike in any collation.
  const apps = (await reviewedApplications(trx, call.id)).sort((x, y) =>
    x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
  const overrides = await activeOverridesById(trx, call.id);
  const pairsOf = (kind: string) =>
    overrides.filter((o) => o.kind === kind).map((o): [string, string] => [o.expert_id, o.application_id]);
  return buildInstance(
    trx,
    {
      items: await itemsOf(trx, apps),
      k: call.reviewersPerApplication,
      composition: storedComposition(settings),
      load: { min: settings.load_min, max: settings.load_max },
      top: settings.hybrid_top_n,
      now,
      end: reviewEnd(settings, now),
      excluded: () => excludedPairs(trx, call.id, now),
      pins: pairsOf('pin'),
      forbid: pairsOf('forbid'),
    },
    opts,
  );
}

function dedupe(pairs: [string, string][]): [string, string][] {
  return [...new Map(pairs.map((p) => [pairKey(p[0], p[1]), p])).values()];
}

/** The review runs until scoring closes, or for the response window when no closing time is set. */
export function reviewEnd(settings: SettingsRow, now: Date): Date {
  return settings.scoring_closes_at
    ? new Date(settings.scoring_closes_at)
    : new Date(now.getTime() + settings.response_days * DAY);
}

/**
 * Active experts available during [now, end]: no availability window at all (always available), or
 * a window (inclusive dates) that overlaps the period; plus `keep` (experts of seats a refill keeps).
 * Ordered by id, so instances are reproducible.
 */
type ProfileData = Awaited<ReturnType<typeof assignmentProfiles>>;

function availableExperts(data: ProfileData, now: Date, end: Date, keep: Set<string>) {
  const from = now.toISOString().slice(0, 10);
  const to = end.toISOString().slice(0, 10);
  const byExpert = new Map<string, { startsOn: string; endsOn: string }[]>();
  for (const w of data.windows) byExpert.set(w.expertId, [...(byExpert.get(w.expertId) ?? []), w]);
  return data.experts.filter((e) => {
    if (keep.has(e.id)) return true;
    if (!e.active) return false;
    const ws = byExpert.get(e.id);
    return !ws || ws.some((w) => w.startsOn <= to && w.endsOn >= from);
  });
}

/** Item text: the latest frozen version's titles, summaries and objectives; the field path. */
interface ItemContent {
  titleZh?: string | null;
  titleEn?: string | null;
  summaryZh?: string | null;
  summaryEn?: string | null;
  objectives?: { text: string }[];
  fieldId?: string | null;
}

async function itemsOf(trx: Transaction<DB>, apps: { id: string; fieldId: string | null }[]) {
  if (!apps.length) return [];
  const latest = await latestFrozenContents<ItemContent>(
    trx,
    apps.map((a) => a.id),
  );
  const paths = await fieldPaths(trx);
  return apps.map((a): AffinityItem => {
    const c = latest.get(a.id) ?? {};
    return {
      id: a.id,
      title: joined(c.titleZh, c.titleEn),
      summary: joined(c.summaryZh, c.summaryEn, ...(c.objectives ?? []).map((o) => o.text)),
      field: paths.get(c.fieldId ?? a.fieldId ?? '') ?? null,
    };
  });
}

/** Expert text: expertise in Chinese and English, outputs' titles and abstracts, field paths. */
async function profilesOf(
  trx: Transaction<DB>,
  data: ProfileData,
  experts: { id: string; expertiseZh: string | null; expertiseEn: string | null }[],
): Promise<AffinityExpert[]> {
  const paths = await fieldPaths(trx);
  const outputsOf = new Map<string, { title: string; abstract?: string }[]>();
  for (const o of data.outputs)
    outputsOf.set(o.expertId, [
      ...(outputsOf.get(o.expertId) ?? []),
      { title: o.title, abstract: o.abstract ?? undefined },
    ]);
  const fieldsOf = new Map<string, string[]>();
  for (const f of data.fields) {
    const path = paths.get(f.fieldId);
    if (path) fieldsOf.set(f.expertId, [...(fieldsOf.get(f.expertId) ?? []), path].sort());
  }
  return experts.map((e) => ({
    id: e.id,
    expertise: joined(e.expertiseZh, e.expertiseEn),
    outputs: outputsOf.get(e.id) ?? [],
    fields: fieldsOf.get(e.id) ?? [],
  }));
}
