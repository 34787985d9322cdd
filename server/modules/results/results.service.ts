import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { toFlag, toJsonColumn, updateRow } from '../../db/rows.js';
import type { DB, ResultsTable } from '../../db/schema.js';
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
  type Result,
  type ResultSummary,
  replaceResultFields,
  resultFieldIds,
  resultRow,
  resultSummaries,
  setResultState,
  updateResultRow,
} from './results.repository.js';
import type { CreateResultInput, ResultView, UpdateResultInput } from './results.schema.js';
import { resultTerms } from './results.terms.js';
import { staffViews } from './results.views.js';

/** Fields that only a technology listing has (the input and the value name them alike). */
const TECH_COLUMNS = [
  'problemZh',
  'problemEn',
  'advantageZh',
  'advantageEn',
  'economicsZh',
  'economicsEn',
  'applicationsZh',
  'applicationsEn',
  'ipStatusZh',
  'ipStatusEn',
] as const;
const PLAIN_COLUMNS = [
  'titleZh',
  'titleEn',
  'summaryZh',
  'summaryEn',
  'trl',
  'visibility',
  'year',
  'identifier',
  'url',
  'authors',
  ...TECH_COLUMNS,
] as const;

const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

/** Cross-field rules of a result as it will be stored; every broken rule is named by its pointer. */
function checkListing(r: Result) {
  const errors: FieldError[] = [];
  const types = listColumn<string>(r.licenceTypes);
  const kinds = listColumn<string>(r.licenceKinds);
  if (r.type === 'technology') {
    if (!r.problemZh && !r.problemEn) errors.push(fieldError('/problemZh', 'results.technology_required'));
    if (!r.advantageZh && !r.advantageEn)
      errors.push(fieldError('/advantageZh', 'results.technology_required'));
    if (types.length === 0) errors.push(fieldError('/licenceTypes', 'results.licence_types_required'));
  } else {
    for (const key of TECH_COLUMNS)
      if (r[key] !== null) errors.push(fieldError(`/${key}`, 'results.technology_fields_only'));
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
async function reindexResult(trx: Kysely<DB>, r: Result): Promise<void> {
  await replaceResultTerms(trx, r.id, resultTerms(resultRow(r)));
}

/** The audit entries keep the result as stored, by column (snake_case), as they always have. */
const audited = (r: Result, fieldIds: string[]) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return { ...updateRow<ResultsTable>(rest), fieldIds: [...fieldIds].sort() };
};

/** Drafts a result (its author's or a manager's); audited. */
export async function createResult(ctx: Ctx, input: CreateResultInput): Promise<ResultView> {
  const row = await write(ctx, async (trx, audit) => {
    await platformOrNotFound(trx, input.platformId);
    if (!can(ctx.actor, 'results.draft', { platformId: input.platformId })) throw forbidden();
    const now = isoNow(ctx.clock);
    const row: Result = {
      id: newId(),
      platformId: input.platformId,
      unitId: input.unitId ?? null,
      type: input.type,
      titleZh: input.titleZh,
      titleEn: input.titleEn,
      summaryZh: input.summaryZh,
      summaryEn: input.summaryEn,
      trl: input.trl ?? null,
      visibility: input.visibility,
      state: 'draft',
      year: input.year ?? null,
      identifier: input.identifier ?? null,
      url: input.url ?? null,
      authors: input.authors ?? null,
      problemZh: input.problemZh ?? null,
      problemEn: input.problemEn ?? null,
      advantageZh: input.advantageZh ?? null,
      advantageEn: input.advantageEn ?? null,
      economicsZh: input.economicsZh ?? null,
      economicsEn: input.economicsEn ?? null,
      applicationsZh: input.applicationsZh ?? null,
      applicationsEn: input.applicationsEn ?? null,
      ipStatusZh: input.ipStatusZh ?? null,
      ipStatusEn: input.ipStatusEn ?? null,
      licenceTypes: toJsonColumn([...new Set(input.licenceTypes ?? [])]),
      licenceKinds: toJsonColumn([...new Set(input.licenceKinds ?? [])]),
      isIllustrative: toFlag(input.isIllustrative ?? false),
      createdBy: ctx.actor?.userId || null,
      publishedAt: null,
      withdrawnAt: null,
      createdAt: now,
      updatedAt: now,
    };
    checkListing(row);
    await checkUnit(trx, row.platformId, row.unitId);
    const fieldIds = await resolveFieldRefs(trx, input);
    await insertResult(trx, ctx.seam, row);
    await replaceResultFields(trx, ctx.seam, row.id, fieldIds);
    await reindexResult(trx, row);
    await audit({
      action: 'result.created',
      entityType: 'result',
      entityId: row.id,
      platformId: row.platformId,
      after: audited(row, fieldIds),
    });
    return row;
  });
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

/**
 * The result, or 404 for anyone who may not read the platform's catalog (no hint that it exists); the
 * projects module checks an output link with it (projects.outputs.ts).
 */
export async function resultFound(db: Kysely<DB>, ctx: Ctx, id: string): Promise<Result> {
  const r = await findResult(db, id);
  if (!r || !can(ctx.actor, 'results.read', { platformId: r.platformId }))
    throw notFound('results.not_found');
  return r;
}

export async function getResult(ctx: Ctx, id: string): Promise<ResultView> {
  const row = await resultFound(ctx.db, ctx, id);
  return (await staffViews(ctx.db, ctx.actor, [row]))[0]!;
}

/** A public, published result's identity (inquiries are made about these only), else undefined. */
export async function publishedPublicResultSummary(
  db: Kysely<DB>,
  id: string,
): Promise<ResultSummary | undefined> {
  const r = await findPublishedPublicResult(db, id);
  return r && { id: r.id, platformId: r.platformId, type: r.type, titleZh: r.titleZh, titleEn: r.titleEn };
}

/** A unit's results of a run of years by type (the committee's evaluation of units). */
export { resultCountsByType } from './results.repository.js';
/** The identity of each given result (other modules show it next to their records). */
export { resultSummaries };

export async function updateResult(ctx: Ctx, id: string, input: UpdateResultInput): Promise<ResultView> {
  const row = await write(ctx, async (trx, audit) => {
    const before = await resultFound(trx, ctx, id);
    const res = { platformId: before.platformId, state: before.state, createdBy: before.createdBy };
    if (!can(ctx.actor, 'results.draft', res) && !can(ctx.actor, 'results.manage', res)) throw forbidden();
    const after: Result = { ...before, updatedAt: isoNow(ctx.clock) };
    const patch = after as unknown as Record<string, unknown>;
    for (const key of PLAIN_COLUMNS) {
      const v = input[key];
      if (v !== undefined) patch[key] = v;
    }
    if (input.type !== undefined) after.type = input.type;
    if (input.unitId !== undefined) after.unitId = input.unitId;
    if (input.licenceTypes !== undefined) after.licenceTypes = toJsonColumn([...new Set(input.licenceTypes)]);
    if (input.licenceKinds !== undefined) after.licenceKinds = toJsonColumn([...new Set(input.licenceKinds)]);
    if (input.isIllustrative !== undefined) after.isIllustrative = toFlag(input.isIllustrative);
    checkListing(after);
    await checkUnit(trx, after.platformId, after.unitId);
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
      platformId: after.platformId,
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
    const before = await resultFound(trx, ctx, id);
    if (!can(ctx.actor, 'results.manage', { platformId: before.platformId })) throw forbidden();
    if (!(NEXT_STATE[action] as readonly string[]).includes(before.state))
      throw new AppError(409, 'results.illegal_state', {
        detail: `The result is ${before.state}; it cannot be ${action === 'publish' ? 'published' : 'withdrawn'}`,
        currentState: before.state,
      });
    const now = isoNow(ctx.clock);
    const after: Result =
      action === 'publish'
        ? { ...before, state: 'published', publishedAt: now, withdrawnAt: null, updatedAt: now }
        : { ...before, state: 'withdrawn', withdrawnAt: now, updatedAt: now };
    const { state, publishedAt, withdrawnAt, updatedAt } = after;
    await setResultState(trx, ctx.seam, id, { state, publishedAt, withdrawnAt, updatedAt });
    await audit({
      action: action === 'publish' ? 'result.published' : 'result.withdrawn',
      entityType: 'result',
      entityId: id,
      platformId: before.platformId,
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
    const row = await resultFound(trx, ctx, id);
    const res = { platformId: row.platformId, state: row.state, createdBy: row.createdBy };
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
      platformId: row.platformId,
      before: audited(row, fieldIds),
    });
  });
}

/** For the open-data service: the public, published results with their fields. */
export { publishedPublicResults } from './results.open.repository.js';

/** What the analytics read of results (docs/analytics.md). */
export { publishedResultCounts } from './results.stats.repository.js';
export { rebuildResultYears, resultYearsRecount } from './results.years.repository.js';
