import type { Kysely, Selectable } from 'kysely';
import { currencyDigits, type FundingSource } from '../../../common/platforms.js';
import type { PlatformModel } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB, PlatformsTable } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { can } from './platforms.policy.js';
import type {
  CreatePlatformInput,
  FundingRowInput,
  PlatformProfile,
  UpdatePlatformInput,
} from './platforms.schema.js';

type Row = Selectable<PlatformsTable>;

/** Every platform of the deployment: names and models are public (the comparison page shows them). */
export async function listPlatforms(ctx: Pick<Ctx, 'db'>) {
  const rows = await ctx.db.selectFrom('platforms').selectAll().orderBy('code').execute();
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    model: p.model as PlatformModel,
  }));
}

/** The platform row, or 404 platforms.not_found (units and the committee check their parent with it). */
export async function platformOrNotFound(db: Kysely<DB>, id: string): Promise<Row> {
  const row = await db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('platforms.not_found');
  return row;
}

export const toProfile = (p: Row): PlatformProfile => ({
  id: p.id,
  code: p.code,
  nameZh: p.name_zh,
  nameEn: p.name_en,
  model: p.model as PlatformModel,
  ratingFunding: p.rating_funding,
  ratingRd: p.rating_rd,
  ratingManagement: p.rating_management,
  supervisingDepartmentZh: p.supervising_department_zh,
  supervisingDepartmentEn: p.supervising_department_en,
  committeeAppointerZh: p.committee_appointer_zh,
  committeeAppointerEn: p.committee_appointer_en,
  fiscalYearStartMonth: p.fiscal_year_start_month,
  defaultCurrency: p.default_currency,
  country: p.country,
  foundedYear: p.founded_year,
  descriptionZh: p.description_zh,
  descriptionEn: p.description_en,
  notes: p.notes,
  isIllustrative: p.is_illustrative === 1,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

type Columns = Omit<Row, 'id' | 'created_at' | 'updated_at'>;
/** API field → column, for the profile fields a body may carry. */
function columnsOf(input: UpdatePlatformInput): Partial<Columns> {
  const map: Record<string, keyof Columns> = {
    code: 'code',
    nameZh: 'name_zh',
    nameEn: 'name_en',
    model: 'model',
    ratingFunding: 'rating_funding',
    ratingRd: 'rating_rd',
    ratingManagement: 'rating_management',
    supervisingDepartmentZh: 'supervising_department_zh',
    supervisingDepartmentEn: 'supervising_department_en',
    committeeAppointerZh: 'committee_appointer_zh',
    committeeAppointerEn: 'committee_appointer_en',
    fiscalYearStartMonth: 'fiscal_year_start_month',
    defaultCurrency: 'default_currency',
    country: 'country',
    foundedYear: 'founded_year',
    descriptionZh: 'description_zh',
    descriptionEn: 'description_en',
    notes: 'notes',
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input))
    if (value !== undefined && map[key]) out[map[key]] = value;
  if (input.isIllustrative !== undefined) out.is_illustrative = input.isIllustrative ? 1 : 0;
  return out as Partial<Columns>;
}

async function assertCodeFree(db: Kysely<DB>, code: string, selfId?: string) {
  const taken = await db.selectFrom('platforms').select('id').where('code', '=', code).executeTakeFirst();
  if (taken && taken.id !== selfId) {
    throw new AppError(409, 'platforms.code_taken', {
      errors: [{ in: 'body', pointer: '/code', code: 'platforms.code_taken', message: '' }],
    });
  }
}

/** Creates a platform (system admins; they then give it admins through the user roles). */
export async function createPlatform(ctx: Ctx, input: CreatePlatformInput): Promise<PlatformProfile> {
  if (!can(ctx.actor, 'platforms.create')) throw forbidden();
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      await assertCodeFree(trx, input.code);
      const now = isoNow(ctx.clock);
      const id = newId();
      await trx
        .insertInto('platforms')
        .values({ id, ...(columnsOf(input) as Columns), created_at: now, updated_at: now })
        .execute();
      const row = await platformOrNotFound(trx, id);
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'platform.created',
        entityType: 'platform',
        entityId: id,
        platformId: id,
        after: toProfile(row),
      });
      return toProfile(row);
    }),
  );
}

async function editable(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Row> {
  const row = await platformOrNotFound(trx, id);
  if (!can(ctx.actor, 'platforms.update', { id })) throw forbidden();
  return row;
}

/** Edits the profile (the platform's admins, system admins). */
export async function updatePlatform(
  ctx: Ctx,
  id: string,
  input: UpdatePlatformInput,
): Promise<PlatformProfile> {
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await editable(trx, ctx, id);
      if (input.code !== undefined) await assertCodeFree(trx, input.code, id);
      if (input.defaultCurrency !== undefined && input.defaultCurrency !== before.default_currency) {
        // Funding is kept in one currency per platform so its totals and shares stay meaningful.
        const other = await trx
          .selectFrom('platform_funding')
          .select('id')
          .where('platform_id', '=', id)
          .where('currency', '!=', input.defaultCurrency)
          .executeTakeFirst();
        if (other) {
          throw new AppError(409, 'platforms.currency_in_use', {
            errors: [
              { in: 'body', pointer: '/defaultCurrency', code: 'platforms.currency_in_use', message: '' },
            ],
          });
        }
      }
      await trx
        .updateTable('platforms')
        .set({ ...columnsOf(input), updated_at: isoNow(ctx.clock) })
        .where('id', '=', id)
        .execute();
      const after = await platformOrNotFound(trx, id);
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'platform.updated',
        entityType: 'platform',
        entityId: id,
        platformId: id,
        before: toProfile(before),
        after: toProfile(after),
      });
      return toProfile(after);
    }),
  );
}

/** The yearly funding table, oldest year first, sources in their canonical order. */
export async function fundingOf(db: Kysely<DB>, platform: Row) {
  const rows = await db
    .selectFrom('platform_funding')
    .selectAll()
    .where('platform_id', '=', platform.id)
    .orderBy('year')
    .orderBy('source')
    .execute();
  return {
    currency: platform.default_currency,
    currencyDigits: currencyDigits(platform.default_currency),
    rows: rows.map((r) => ({
      year: r.year,
      source: r.source as FundingSource,
      amountMinor: Number(r.amount_minor),
      currency: r.currency,
      isIllustrative: r.is_illustrative === 1,
      note: r.note,
    })),
  };
}

/** Replaces the whole funding table: one amount per source and year, in the platform's currency. */
export async function setFunding(ctx: Ctx, id: string, rows: FundingRowInput[]) {
  return ctx.db.transaction().execute(async (trx) => {
    const platform = await editable(trx, ctx, id);
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.year}:${r.source}`;
      if (seen.has(key)) throw invalidField(`/rows/${i}`, 'platforms.duplicate_funding_row');
      seen.add(key);
      if (r.currency && r.currency !== platform.default_currency)
        throw invalidField(`/rows/${i}/currency`, 'platforms.funding_currency_mismatch');
    });
    const before = await fundingOf(trx, platform);
    await trx.deleteFrom('platform_funding').where('platform_id', '=', id).execute();
    if (rows.length) {
      await trx
        .insertInto('platform_funding')
        .values(
          rows.map((r) => ({
            id: newId(),
            platform_id: id,
            year: r.year,
            source: r.source,
            amount_minor: r.amountMinor,
            currency: platform.default_currency,
            is_illustrative: r.isIllustrative ? 1 : 0,
            note: r.note ?? null,
          })),
        )
        .execute();
    }
    const after = await fundingOf(trx, platform);
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'platform.funding_set',
      entityType: 'platform',
      entityId: id,
      platformId: id,
      before: before.rows,
      after: after.rows,
    });
    return after;
  });
}

/** Fields a platform covers, ordered by code. */
export async function platformFields(db: Kysely<DB>, platformId: string) {
  const ids = (
    await db.selectFrom('platform_fields').select('field_id').where('platform_id', '=', platformId).execute()
  ).map((r) => r.field_id);
  return [...(await fieldSummaries(db, ids)).values()];
}

/** Replaces the fields a platform covers; unknown or newly assigned retired fields are refused. */
export async function setPlatformFields(
  ctx: Ctx,
  id: string,
  refs: { fieldIds?: string[]; fieldCodes?: string[] },
) {
  return ctx.db.transaction().execute(async (trx) => {
    await editable(trx, ctx, id);
    const before = (
      await trx.selectFrom('platform_fields').select('field_id').where('platform_id', '=', id).execute()
    ).map((r) => r.field_id);
    const ids = await resolveFieldRefs(trx, refs, { keep: new Set(before) });
    await trx.deleteFrom('platform_fields').where('platform_id', '=', id).execute();
    if (ids.length)
      await trx
        .insertInto('platform_fields')
        .values(ids.map((field_id) => ({ platform_id: id, field_id })))
        .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'platform.fields_set',
      entityType: 'platform',
      entityId: id,
      platformId: id,
      before: before.sort(),
      after: [...ids].sort(),
    });
    return { items: await platformFields(trx, id) };
  });
}
