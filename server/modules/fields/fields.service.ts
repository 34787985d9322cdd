import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, invalidField, notFound } from '../../http/errors.js';
import { can } from './fields.policy.js';
import { fieldUsage } from './fields.references.js';
import {
  allFields,
  deleteFieldRow,
  type Field,
  fieldIdByCode,
  fieldsByIds,
  fieldsByIdsOrCodes,
  findField,
  hasSubfields,
  insertField,
  reactivateField,
  retireWithSubfields,
  updateFieldRow,
} from './fields.repository.js';
import type { CreateFieldInput, FieldSummary, FieldView, UpdateFieldInput } from './fields.schema.js';

const toSummary = (f: Field): FieldSummary => ({
  id: f.id,
  parentId: f.parentId,
  code: f.code,
  nameZh: f.nameZh,
  nameEn: f.nameEn,
  retired: f.retiredAt !== null,
});
const toView = (f: Field): FieldView => ({
  ...toSummary(f),
  sortOrder: f.sortOrder,
  retiredAt: f.retiredAt,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});
const byOrder = (a: Field, b: Field) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
const fieldError = (pointer: string, code: ErrorCode): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

/** The taxonomy as a two-level tree (public); retired fields only when asked for. */
export async function listFields(ctx: Pick<Ctx, 'db' | 'actor'>, q: { includeRetired: boolean }) {
  const rows = (await allFields(ctx.db)).filter((r) => q.includeRetired || !r.retiredAt);
  const tops = rows.filter((r) => r.parentId === null).sort(byOrder);
  return {
    items: tops.map((t) => ({
      ...toView(t),
      children: rows
        .filter((c) => c.parentId === t.id)
        .sort(byOrder)
        .map(toView),
    })),
    access: { curate: can(ctx.actor, 'fields.manage') },
  };
}

async function load(db: Kysely<DB>, id: string): Promise<Field> {
  const field = await findField(db, id);
  if (!field) throw notFound('fields.not_found');
  return field;
}

async function assertCodeFree(db: Kysely<DB>, code: string, selfId?: string) {
  const taken = await fieldIdByCode(db, code);
  if (taken && taken !== selfId)
    throw new AppError(409, 'fields.code_taken', { errors: [fieldError('/code', 'fields.code_taken')] });
}

/** A sub-field's parent must exist, be top-level and active: the taxonomy has exactly two levels. */
async function assertParent(db: Kysely<DB>, parentId: string, selfId?: string) {
  const parent = await findField(db, parentId);
  if (!parent) throw invalidField('/parentId', 'fields.unknown');
  if (parent.parentId !== null || parent.id === selfId)
    throw invalidField('/parentId', 'fields.parent_not_top_level');
  if (parent.retiredAt) throw invalidField('/parentId', 'fields.parent_retired');
}

function assertManager(ctx: Ctx) {
  if (!can(ctx.actor, 'fields.manage')) throw new AppError(403, 'fields.curators_only');
}

/** Adds a field or sub-field to the deployment's taxonomy. */
export async function createField(ctx: Ctx, input: CreateFieldInput): Promise<FieldView> {
  assertManager(ctx);
  return write(
    ctx,
    async (trx, audit) => {
      await assertCodeFree(trx, input.code);
      if (input.parentId) await assertParent(trx, input.parentId);
      const now = isoNow(ctx.clock);
      const field: Field = {
        id: newId(),
        parentId: input.parentId ?? null,
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        sortOrder: input.sortOrder ?? 0,
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertField(trx, field);
      await audit({
        action: 'field.created',
        entityType: 'tech_field',
        entityId: field.id,
        after: toView(field),
      });
      return toView(field);
    },
    { retryOnUniqueViolation: true },
  );
}

/** Renames, re-codes or moves a field; a field with sub-fields stays top-level. */
export async function updateField(ctx: Ctx, id: string, input: UpdateFieldInput): Promise<FieldView> {
  assertManager(ctx);
  return write(
    ctx,
    async (trx, audit) => {
      const before = await load(trx, id);
      if (input.code !== undefined) await assertCodeFree(trx, input.code, id);
      if (input.parentId) {
        await assertParent(trx, input.parentId, id);
        if (await hasSubfields(trx, id)) throw invalidField('/parentId', 'fields.has_children');
      }
      const after: Field = {
        ...before,
        code: input.code ?? before.code,
        nameZh: input.nameZh ?? before.nameZh,
        nameEn: input.nameEn ?? before.nameEn,
        parentId: input.parentId === undefined ? before.parentId : input.parentId,
        sortOrder: input.sortOrder ?? before.sortOrder,
        updatedAt: isoNow(ctx.clock),
      };
      await updateFieldRow(trx, after);
      await audit({
        action: 'field.updated',
        entityType: 'tech_field',
        entityId: id,
        before: toView(before),
        after: toView(after),
      });
      return toView(after);
    },
    { retryOnUniqueViolation: true },
  );
}

/**
 * Retires a field (and its sub-fields, which cannot outlive their parent) or reactivates one. Retired
 * fields stay on the records that use them but cannot be newly assigned.
 */
export async function setFieldRetired(ctx: Ctx, id: string, retired: boolean): Promise<FieldView> {
  assertManager(ctx);
  return write(ctx, async (trx, audit) => {
    const field = await load(trx, id);
    const now = isoNow(ctx.clock);
    if (retired) {
      await retireWithSubfields(trx, id, now);
    } else {
      const parent = field.parentId ? await load(trx, field.parentId) : null;
      if (parent?.retiredAt) throw new AppError(409, 'fields.parent_retired');
      await reactivateField(trx, id, now);
    }
    const after = await load(trx, id);
    await audit({
      action: retired ? 'field.retired' : 'field.reactivated',
      entityType: 'tech_field',
      entityId: id,
      before: { retiredAt: field.retiredAt },
      after: { retiredAt: after.retiredAt },
    });
    return toView(after);
  });
}

/** Deletes a field nobody uses; otherwise 409 fields.in_use naming the references. */
export async function deleteField(ctx: Ctx, id: string): Promise<void> {
  assertManager(ctx);
  await write(ctx, async (trx, audit) => {
    const field = await load(trx, id);
    const references = await fieldUsage(trx, id);
    if (references.length) throw new AppError(409, 'fields.in_use', { references });
    await deleteFieldRow(trx, id);
    await audit({ action: 'field.deleted', entityType: 'tech_field', entityId: id, before: toView(field) });
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
  const rows = await fieldsByIdsOrCodes(db, ids, codes);
  const errors: FieldError[] = [];
  const out: string[] = [];
  const check = (row: Field | undefined, pointer: string) => {
    if (!row) errors.push(fieldError(pointer, 'fields.unknown'));
    else if (row.retiredAt && !opts.keep?.has(row.id)) errors.push(fieldError(pointer, 'fields.retired'));
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
  const rows = await fieldsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

/** For the open-data service: the whole field tree, retired fields included. */
export { allFields as fieldsForOpenData } from './fields.repository.js';
