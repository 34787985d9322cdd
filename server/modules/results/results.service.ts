import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { toFlag, toJsonColumn } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { unitOnPlatform } from '../units/units.lookup.js';
import { replaceResultTerms } from './results.index.repository.js';
import { can } from './results.policy.js';
import {
  deleteResultRow,
  findPublishedPublicResult,
  findResult,
  insertResult,
  listColumn,
  type ResultRow,
  type ResultSummary,
  replaceResultFields,
  resultFieldIds,
  resultSummaries,
  setResultState,
  updateResultRow,
} from './results.repository.js';
import type { CreateResultInput, ResultView, UpdateResultInput } from './results.schema.js';
import { resultTerms } from './results.terms.js';
import { staffViews } from './results.views.js';

/** Columns that only a technology listing has, with their input names. */
const TECH_COLUMNS = [
  ['problemZh', 'problem_zh'],
  ['problemEn', 'problem_en'],
  ['advantageZh', 'advantage_zh'],
  ['advantageEn', 'advantage_en'],
  ['economicsZh', 'economics_zh'],
  ['economicsEn', 'economics_en'],
  ['applicationsZh', 'applications_zh'],
  ['applicationsEn', 'applications_en'],
  ['ipStatusZh', 'ip_status_zh'],
  ['ipStatusEn', 'ip_status_en'],
] as const;
const PLAIN_COLUMNS = [
  ['titleZh', 'title_zh'],
  ['titleEn', 'title_en'],
  ['summaryZh', 'summary_zh'],
  ['summaryEn', 'summary_en'],
  ['trl', 'trl'],
  ['visibility', 'visibility'],
  ['year', 'year'],
  ['identifier', 'identifier'],
  ['url', 'url'],
  ['authors', 'authors'],
  ...TECH_COLUMNS,
] as const;

const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

/** Cross-field rules of a result as it will be stored; every broken rule is named by its pointer. */
function checkListing(row: ResultRow) {
  const errors: FieldError[] = [];
  const types = listColumn<string>(row.licence_types);
  const kinds = listColumn<string>(row.licence_kinds);
  if (row.type === 'technology') {
    if (!row.problem_zh && !row.problem_en)
      errors.push(fieldError('/problemZh', 'results.technology_required'));
    if (!row.advantage_zh && !row.advantage_en)
      errors.push(fieldError('/advantageZh', 'results.technology_required'));
    if (types.length === 0) errors.push(fieldError('/licenceTypes', 'results.licence_types_required'));
  } else {
    for (const [input, column] of TECH_COLUMNS)
      if (row[column] !== null) errors.push(fieldError(`/${input}`, 'results.technology_fields_only'));
    if (types.length) errors.push(fieldError('/licenceTypes', 'results.technology_fields_only'));
    if (kinds.length) errors.push(fieldError('/licenceKinds', 'results.technology_fields_only'));
  }
  if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
}

async function checkUnit(db: Kysely<DB>, platformId: string, unitId: string | null) {
  if (unitId === null) return;
  if (!(await unitOnPlatform(db, unitId, platformId)))
    throw new AppError(400, 'request.validation_failed', {
      errors: [fieldError('/unitId', 'results.unknown_unit')],
    });
}

/** Rewrites the result's search terms; called in the transaction of every write of the result. */
async function reindexResult(trx: Kysely<DB>, r: ResultRow): Promise<void> {
  await replaceResultTerms(trx, r.id, resultTerms(r));
}

const audited = (r: ResultRow, fieldIds: string[]) => {
  const { created_at: _c, updated_at: _u, ...rest } = r;
  return { ...rest, fieldIds: [...fieldIds].sort() };
};

/** Drafts a result (its author's or a manager's); audited. */
export async function createResult(ctx: Ctx, input: CreateResultInput): Promise<ResultView> {
  const row = await write(ctx, async (trx, audit) => {
    await platformOrNotFound(trx, input.platformId);
    if (!can(ctx.actor, 'results.draft', { platformId: input.platformId })) throw forbidden();
    const now = isoNow(ctx.clock);
    const row: ResultRow = {
      id: newId(),
      platform_id: input.platformId,
      unit_id: input.unitId ?? null,
      type: input.type,
      title_zh: input.titleZh,
      title_en: input.titleEn,
      summary_zh: input.summaryZh,
      summary_en: input.summaryEn,
      trl: input.trl ?? null,
      visibility: input.visibility,
      state: 'draft',
      year: input.year ?? null,
      identifier: input.identifier ?? null,
      url: input.url ?? null,
      authors: input.authors ?? null,
      problem_zh: input.problemZh ?? null,
      problem_en: input.problemEn ?? null,
      advantage_zh: input.advantageZh ?? null,
      advantage_en: input.advantageEn ?? null,
      economics_zh: input.economicsZh ?? null,
      economics_en: input.economicsEn ?? null,
      applications_zh: input.applicationsZh ?? null,
      applications_en: input.applicationsEn ?? null,
      ip_status_zh: input.ipStatusZh ?? null,
      ip_status_en: input.ipStatusEn ?? null,
      licence_types: toJsonColumn([...new Set(input.licenceTypes ?? [])]),
      licence_kinds: toJsonColumn([...new Set(input.licenceKinds ?? [])]),
      is_illustrative: toFlag(input.isIllustrative ?? false),
      created_by: ctx.actor?.userId || null,
      published_at: null,
      withdrawn_at: null,
      created_at: now,
      updated_at: now,
    };
    checkListing(row);
    await checkUnit(trx, row.platform_id, row.unit_id);
    const fieldIds = await resolveFieldRefs(trx, input);
    await insertResult(trx, ctx.seam, row);
    await replaceResultFields(trx, ctx.seam, row.id, fieldIds);
    await reindexResult(trx, row);
    await audit({
      action: 'result.created',
      entityType: 'result',
      entityId: row.id,
      platformId: row.platform_id,
      after: audited(row, fieldIds),
    });
    return row;
  });
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

/** The row, or 404 for anyone who may not read the platform's catalog (no hint that it exists). */
export async function readableResult(db: Kysely<DB>, ctx: Ctx, id: string): Promise<ResultRow> {
  const row = await findResult(db, id);
  if (!row || !can(ctx.actor, 'results.read', { platformId: row.platform_id }))
    throw notFound('results.not_found');
  return row;
}

export async function getResult(ctx: Ctx, id: string): Promise<ResultView> {
  const row = await readableResult(ctx.db, ctx, id);
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

/** A public, published result's identity (inquiries are made about these only), else undefined. */
export async function publishedPublicResultSummary(
  db: Kysely<DB>,
  id: string,
): Promise<ResultSummary | undefined> {
  const row = await findPublishedPublicResult(db, id);
  return row
    ? {
        id: row.id,
        platformId: row.platform_id,
        type: row.type,
        titleZh: row.title_zh,
        titleEn: row.title_en,
      }
    : undefined;
}

/** A unit's results of a run of years by type (the committee's evaluation of units). */
export { resultCountsByType } from './results.repository.js';
/** The identity of each given result (other modules show it next to their records). */
export { resultSummaries };

export async function updateResult(ctx: Ctx, id: string, input: UpdateResultInput): Promise<ResultView> {
  const row = await write(ctx, async (trx, audit) => {
    const before = await readableResult(trx, ctx, id);
    const res = { platformId: before.platform_id, state: before.state, createdBy: before.created_by };
    if (!can(ctx.actor, 'results.draft', res) && !can(ctx.actor, 'results.manage', res)) throw forbidden();
    const after: ResultRow = { ...before, updated_at: isoNow(ctx.clock) };
    const patch = after as unknown as Record<string, unknown>;
    for (const [key, column] of PLAIN_COLUMNS) {
      const v = input[key];
      if (v !== undefined) patch[column] = v;
    }
    if (input.type !== undefined) after.type = input.type;
    if (input.unitId !== undefined) after.unit_id = input.unitId;
    if (input.licenceTypes !== undefined)
      after.licence_types = toJsonColumn([...new Set(input.licenceTypes)]);
    if (input.licenceKinds !== undefined)
      after.licence_kinds = toJsonColumn([...new Set(input.licenceKinds)]);
    if (input.isIllustrative !== undefined) after.is_illustrative = toFlag(input.isIllustrative);
    checkListing(after);
    await checkUnit(trx, after.platform_id, after.unit_id);
    const beforeFields = await resultFieldIds(trx, id);
    const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
    const fieldIds = fieldsGiven
      ? await resolveFieldRefs(trx, input, { keep: new Set(beforeFields) })
      : beforeFields;
    await updateResultRow(trx, ctx.seam, after);
    if (fieldsGiven) await replaceResultFields(trx, ctx.seam, id, fieldIds);
    await reindexResult(trx, after);
    await audit({
      action: 'result.updated',
      entityType: 'result',
      entityId: id,
      platformId: after.platform_id,
      before: audited(before, beforeFields),
      after: audited(after, fieldIds),
    });
    return after;
  });
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

const NEXT_STATE = { publish: ['draft', 'withdrawn'], withdraw: ['published'] } as const;

/** Publishes (from draft or withdrawn) or withdraws (from published) a result: managers only. */
export async function changeResultState(
  ctx: Ctx,
  id: string,
  action: 'publish' | 'withdraw',
): Promise<ResultView> {
  const row = await write(ctx, async (trx, audit) => {
    const before = await readableResult(trx, ctx, id);
    if (!can(ctx.actor, 'results.manage', { platformId: before.platform_id })) throw forbidden();
    if (!(NEXT_STATE[action] as readonly string[]).includes(before.state))
      throw new AppError(409, 'results.illegal_state', {
        detail: `The result is ${before.state}; it cannot be ${action === 'publish' ? 'published' : 'withdrawn'}`,
        currentState: before.state,
      });
    const now = isoNow(ctx.clock);
    const after: ResultRow =
      action === 'publish'
        ? { ...before, state: 'published', published_at: now, withdrawn_at: null, updated_at: now }
        : { ...before, state: 'withdrawn', withdrawn_at: now, updated_at: now };
    await setResultState(trx, ctx.seam, id, {
      state: after.state,
      published_at: after.published_at,
      withdrawn_at: after.withdrawn_at,
      updated_at: now,
    });
    await audit({
      action: action === 'publish' ? 'result.published' : 'result.withdrawn',
      entityType: 'result',
      entityId: id,
      platformId: before.platform_id,
      before: { state: before.state },
      after: { state: after.state },
    });
    return after;
  });
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

/** Deletes a draft entered by mistake (its author or a manager); published records are withdrawn instead. */
export async function deleteResult(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const row = await readableResult(trx, ctx, id);
    const res = { platformId: row.platform_id, state: row.state, createdBy: row.created_by };
    if (!can(ctx.actor, 'results.draft', res) && !can(ctx.actor, 'results.manage', res)) throw forbidden();
    if (row.state !== 'draft')
      throw new AppError(409, 'results.only_drafts_deleted', {
        detail: `The result is ${row.state}; only drafts can be deleted`,
        currentState: row.state,
      });
    const fieldIds = await resultFieldIds(trx, id);
    await deleteResultRow(trx, ctx.seam, id);
    await audit({
      action: 'result.deleted',
      entityType: 'result',
      entityId: id,
      platformId: row.platform_id,
      before: audited(row, fieldIds),
    });
  });
}

/** For the open-data service: the public, published results with their fields. */
export { publishedPublicResults } from './results.open.repository.js';

/** What the analytics read of results (docs/analytics.md). */
export { publishedResultCounts } from './results.stats.repository.js';
export { rebuildResultYears } from './results.years.repository.js';
