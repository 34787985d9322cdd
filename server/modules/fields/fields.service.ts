import type { Kysely, Selectable } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB, TechFieldsTable } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { can } from './fields.policy.js';
import { fieldUsage } from './fields.references.js';
import type { CreateFieldInput, FieldSummary, FieldView, UpdateFieldInput } from './fields.schema.js';

type Row = Selectable<TechFieldsTable>;

const toSummary = (r: Row): FieldSummary => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  retired: r.retired_at !== null,
});
const toView = (r: Row): FieldView => ({
  ...toSummary(r),
  sortOrder: r.sort_order,
  retiredAt: r.retired_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const byOrder = (a: Row, b: Row) => a.sort_order - b.sort_order || a.code.localeCompare(b.code);
const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

/** The taxonomy as a two-level tree (public); retired fields only when asked for. */
export async function listFields(ctx: Pick<Ctx, 'db'>, q: { includeRetired: boolean }) {
  const rows = (await ctx.db.selectFrom('tech_fields').selectAll().execute()).filter(
    (r) => q.includeRetired || !r.retired_at,
  );
  const tops = rows.filter((r) => r.parent_id === null).sort(byOrder);
  return {
    items: tops.map((t) => ({
      ...toView(t),
      children: rows
        .filter((c) => c.parent_id === t.id)
        .sort(byOrder)
        .map(toView),
    })),
  };
}

async function load(db: Kysely<DB>, id: string): Promise<Row> {
  const row = await db.selectFrom('tech_fields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('fields.not_found');
  return row;
}

async function assertCodeFree(db: Kysely<DB>, code: string, selfId?: string) {
  const taken = await db.selectFrom('tech_fields').select('id').where('code', '=', code).executeTakeFirst();
  if (taken && taken.id !== selfId)
    throw new AppError(409, 'fields.code_taken', { errors: [fieldError('/code', 'fields.code_taken')] });
}

/** A sub-field's parent must exist, be top-level and active: the taxonomy has exactly two levels. */
async function assertParent(db: Kysely<DB>, parentId: string, selfId?: string) {
  const parent = await db.selectFrom('tech_fields').selectAll().where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw invalidField('/parentId', 'fields.unknown');
  if (parent.parent_id !== null || parent.id === selfId)
    throw invalidField('/parentId', 'fields.parent_not_top_level');
  if (parent.retired_at) throw invalidField('/parentId', 'fields.parent_retired');
}

function assertManager(ctx: Ctx) {
  if (!can(ctx.actor, 'fields.manage')) throw forbidden();
}

/** Adds a field or sub-field to the deployment's taxonomy. */
export async function createField(ctx: Ctx, input: CreateFieldInput): Promise<FieldView> {
  assertManager(ctx);
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      await assertCodeFree(trx, input.code);
      if (input.parentId) await assertParent(trx, input.parentId);
      const now = isoNow(ctx.clock);
      const row: Row = {
        id: newId(),
        parent_id: input.parentId ?? null,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        sort_order: input.sortOrder ?? 0,
        retired_at: null,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('tech_fields').values(row).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'field.created',
        entityType: 'tech_field',
        entityId: row.id,
        after: toView(row),
      });
      return toView(row);
    }),
  );
}

/** Renames, re-codes or moves a field; a field with sub-fields stays top-level. */
export async function updateField(ctx: Ctx, id: string, input: UpdateFieldInput): Promise<FieldView> {
  assertManager(ctx);
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await load(trx, id);
      if (input.code !== undefined) await assertCodeFree(trx, input.code, id);
      if (input.parentId) {
        await assertParent(trx, input.parentId, id);
        const child = await trx
          .selectFrom('tech_fields')
          .select('id')
          .where('parent_id', '=', id)
          .executeTakeFirst();
        if (child) throw invalidField('/parentId', 'fields.has_children');
      }
      const after: Row = {
        ...before,
        code: input.code ?? before.code,
        name_zh: input.nameZh ?? before.name_zh,
        name_en: input.nameEn ?? before.name_en,
        parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
        sort_order: input.sortOrder ?? before.sort_order,
        updated_at: isoNow(ctx.clock),
      };
      const { id: _id, created_at: _c, ...patch } = after;
      await trx.updateTable('tech_fields').set(patch).where('id', '=', id).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'field.updated',
        entityType: 'tech_field',
        entityId: id,
        before: toView(before),
        after: toView(after),
      });
      return toView(after);
    }),
  );
}

/**
 * Retires a field (and its sub-fields, which cannot outlive their parent) or reactivates one. Retired
 * fields stay on the records that use them but cannot be newly assigned.
 */
export async function setFieldRetired(ctx: Ctx, id: string, retired: boolean): Promise<FieldView> {
  assertManager(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await load(trx, id);
    const now = isoNow(ctx.clock);
    if (retired) {
      await trx
        .updateTable('tech_fields')
        .set({ retired_at: now, updated_at: now })
        .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
        .where('retired_at', 'is', null)
        .execute();
    } else {
      const parent = row.parent_id ? await load(trx, row.parent_id) : null;
      if (parent?.retired_at) throw new AppError(409, 'fields.parent_retired');
      await trx
        .updateTable('tech_fields')
        .set({ retired_at: null, updated_at: now })
        .where('id', '=', id)
        .execute();
    }
    const after = await load(trx, id);
    await appendAudit(trx, ctx.seam, ctx, {
      action: retired ? 'field.retired' : 'field.reactivated',
      entityType: 'tech_field',
      entityId: id,
      before: { retiredAt: row.retired_at },
      after: { retiredAt: after.retired_at },
    });
    return toView(after);
  });
}

/** Deletes a field nobody uses; otherwise 409 fields.in_use naming the references. */
export async function deleteField(ctx: Ctx, id: string): Promise<void> {
  assertManager(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await load(trx, id);
    const references = await fieldUsage(trx, id);
    if (references.length) throw new AppError(409, 'fields.in_use', { references });
    await trx.deleteFrom('tech_fields').where('id', '=', id).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'field.deleted',
      entityType: 'tech_field',
      entityId: id,
      before: toView(row),
    });
  });
}

/**
 * Turns field ids and codes from a request into ids, naming every unknown one by its pointer. Retired
 * fields are refused unless the record already had them (`keep`), so retiring never forces an edit.
 */
export async function resolveFieldRefs(
  db: Kysely<DB>,
  refs: { fieldIds?: string[]; fieldCodes?: string[] },
  opts: { keep?: ReadonlySet<string>; pointer?: string } = {},
): Promise<string[]> {
  const base = opts.pointer ?? '';
  const ids = refs.fieldIds ?? [];
  const codes = refs.fieldCodes ?? [];
  const rows =
    ids.length || codes.length
      ? await db
          .selectFrom('tech_fields')
          .selectAll()
          .where((eb) =>
            eb.or([eb('id', 'in', ids.length ? ids : ['']), eb('code', 'in', codes.length ? codes : [''])]),
          )
          .execute()
      : [];
  const errors: FieldError[] = [];
  const out: string[] = [];
  const check = (row: Row | undefined, pointer: string) => {
    if (!row) errors.push(fieldError(pointer, 'fields.unknown'));
    else if (row.retired_at && !opts.keep?.has(row.id)) errors.push(fieldError(pointer, 'fields.retired'));
    else out.push(row.id);
  };
  for (const [i, id] of ids.entries())
    check(
      rows.find((r) => r.id === id),
      `${base}/fieldIds/${i}`,
    );
  for (const [i, code] of codes.entries())
    check(
      rows.find((r) => r.code === code),
      `${base}/fieldCodes/${i}`,
    );
  if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
  return [...new Set(out)];
}

/** Summaries of the given fields, ordered by code, for embedding in other records' views. */
export async function fieldSummaries(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, FieldSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tech_fields')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}
