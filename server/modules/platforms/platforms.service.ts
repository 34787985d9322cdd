import type { Kysely } from 'kysely';
import { currencyDigits, type FundingSource } from '../../../common/platforms.js';
import type { PlatformModel } from '../../../common/roles.js';
import { flag, toFlag } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { can } from './platforms.policy.js';
import {
  allPlatforms,
  findPlatformValue,
  fundingEntries,
  hasFundingNotIn,
  insertPlatform,
  type Platform,
  type PlatformRow,
  platformFieldLinks,
  platformIdByCode,
  replaceFunding,
  setPlatformFieldIds,
  updatePlatformRow,
} from './platforms.repository.js';
import type {
  CreatePlatformInput,
  FundingRowInput,
  PlatformProfile,
  UpdatePlatformInput,
} from './platforms.schema.js';

type Row = PlatformRow;

/** Every platform of the deployment: names and models are public (the comparison page shows them). */
export async function listPlatforms(ctx: Pick<Ctx, 'db'>) {
  const rows = await allPlatforms(ctx.db);
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    model: p.model as PlatformModel,
  }));
}

/**
 * The platform's value, or 404 platforms.not_found: units, the committee, calls, projects, results,
 * services and the technology-transfer modules check a platform with it and read its settings.
 */
export async function platformOrNotFound(db: Kysely<DB>, id: string): Promise<Platform> {
  const p = await findPlatformValue(db, id);
  if (!p) throw notFound('platforms.not_found');
  return p;
}

export const toProfile = (p: Platform): PlatformProfile => ({
  id: p.id,
  code: p.code,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  model: p.model as PlatformModel,
  ratingFunding: p.ratingFunding,
  ratingRd: p.ratingRd,
  ratingManagement: p.ratingManagement,
  supervisingDepartmentZh: p.supervisingDepartmentZh,
  supervisingDepartmentEn: p.supervisingDepartmentEn,
  committeeAppointerZh: p.committeeAppointerZh,
  committeeAppointerEn: p.committeeAppointerEn,
  fiscalYearStartMonth: p.fiscalYearStartMonth,
  defaultCurrency: p.defaultCurrency,
  country: p.country,
  foundedYear: p.foundedYear,
  descriptionZh: p.descriptionZh,
  descriptionEn: p.descriptionEn,
  notes: p.notes,
  isIllustrative: flag(p.isIllustrative),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
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
  if (input.isIllustrative !== undefined) out.is_illustrative = toFlag(input.isIllustrative);
  return out as Partial<Columns>;
}

async function assertCodeFree(db: Kysely<DB>, code: string, selfId?: string) {
  const taken = await platformIdByCode(db, code);
  if (taken && taken !== selfId) {
    throw new AppError(409, 'platforms.code_taken', {
      errors: [{ in: 'body', pointer: '/code', code: 'platforms.code_taken', message: '' }],
    });
  }
}

/** Creates a platform (system admins; they then give it admins through the user roles). */
export async function createPlatform(ctx: Ctx, input: CreatePlatformInput): Promise<PlatformProfile> {
  if (!can(ctx.actor, 'platforms.create')) throw forbidden();
  return write(
    ctx,
    async (trx, audit) => {
      await assertCodeFree(trx, input.code);
      const now = isoNow(ctx.clock);
      const id = newId();
      await insertPlatform(trx, { id, ...(columnsOf(input) as Columns), created_at: now, updated_at: now });
      const row = await platformValueOrNotFound(trx, id);
      await audit({
        action: 'platform.created',
        entityType: 'platform',
        entityId: id,
        platformId: id,
        after: toProfile(row),
      });
      return toProfile(row);
    },
    { retryOnUniqueViolation: true },
  );
}

/** The platform's camelCase value, or 404 platforms.not_found (the platforms module's own reads). */
export async function platformValueOrNotFound(db: Kysely<DB>, id: string): Promise<Platform> {
  const platform = await findPlatformValue(db, id);
  if (!platform) throw notFound('platforms.not_found');
  return platform;
}

async function editable(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Platform> {
  const row = await platformValueOrNotFound(trx, id);
  if (!can(ctx.actor, 'platforms.update', { id })) throw forbidden();
  return row;
}

/** Edits the profile (the platform's admins, system admins). */
export async function updatePlatform(
  ctx: Ctx,
  id: string,
  input: UpdatePlatformInput,
): Promise<PlatformProfile> {
  return write(
    ctx,
    async (trx, audit) => {
      const before = await editable(trx, ctx, id);
      if (input.code !== undefined) await assertCodeFree(trx, input.code, id);
      if (input.defaultCurrency !== undefined && input.defaultCurrency !== before.defaultCurrency) {
        // Funding is kept in one currency per platform so its totals and shares stay meaningful.
        if (await hasFundingNotIn(trx, id, input.defaultCurrency)) {
          throw new AppError(409, 'platforms.currency_in_use', {
            errors: [
              { in: 'body', pointer: '/defaultCurrency', code: 'platforms.currency_in_use', message: '' },
            ],
          });
        }
      }
      await updatePlatformRow(trx, id, { ...columnsOf(input), updated_at: isoNow(ctx.clock) });
      const after = await platformValueOrNotFound(trx, id);
      await audit({
        action: 'platform.updated',
        entityType: 'platform',
        entityId: id,
        platformId: id,
        before: toProfile(before),
        after: toProfile(after),
      });
      return toProfile(after);
    },
    { retryOnUniqueViolation: true },
  );
}

/** The yearly funding table, oldest year first, sources in their canonical order. */
export async function fundingOf(db: Kysely<DB>, platform: Platform) {
  const rows = await fundingEntries(db, { platformId: platform.id });
  return {
    currency: platform.defaultCurrency,
    currencyDigits: currencyDigits(platform.defaultCurrency),
    rows: rows.map((r) => ({
      year: r.year,
      source: r.source as FundingSource,
      amountMinor: r.amountMinor,
      currency: r.currency,
      isIllustrative: r.isIllustrative,
      note: r.note,
    })),
  };
}

/** Replaces the whole funding table: one amount per source and year, in the platform's currency. */
export async function setFunding(ctx: Ctx, id: string, rows: FundingRowInput[]) {
  return write(ctx, async (trx, audit) => {
    const platform = await editable(trx, ctx, id);
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.year}:${r.source}`;
      if (seen.has(key)) throw invalidField(`/rows/${i}`, 'platforms.duplicate_funding_row');
      seen.add(key);
      if (r.currency && r.currency !== platform.defaultCurrency)
        throw invalidField(`/rows/${i}/currency`, 'platforms.funding_currency_mismatch');
    });
    const before = await fundingOf(trx, platform);
    await replaceFunding(
      trx,
      id,
      rows.map((r) => ({
        id: newId(),
        year: r.year,
        source: r.source,
        amountMinor: r.amountMinor,
        currency: platform.defaultCurrency,
        isIllustrative: !!r.isIllustrative,
        note: r.note ?? null,
      })),
    );
    const after = await fundingOf(trx, platform);
    await audit({
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
  const ids = (await platformFieldLinks(db, platformId)).map((l) => l.fieldId);
  return [...(await fieldSummaries(db, ids)).values()];
}

/** Replaces the fields a platform covers; unknown or newly assigned retired fields are refused. */
export async function setPlatformFields(
  ctx: Ctx,
  id: string,
  refs: { fieldIds?: string[]; fieldCodes?: string[] },
) {
  return write(ctx, async (trx, audit) => {
    await editable(trx, ctx, id);
    const before = (await platformFieldLinks(trx, id)).map((l) => l.fieldId);
    const ids = await resolveFieldRefs(trx, refs, { keep: new Set(before) });
    await setPlatformFieldIds(trx, id, ids);
    await audit({
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

/** For the open-data service: every platform with its funding and fields. */
export { platformsForOpenData } from './platforms.open.repository.js';
