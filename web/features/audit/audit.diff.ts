import type { TFunction } from 'i18next';
import { FIELD_LABELS } from './audit.fields.js';

/**
 * An audit entry's before/after as rows a reader compares (issue 12 item 13): one row per field in either
 * record, its words, both values and whether it changed. Pure, so audit.diff.unit.test.ts checks it.
 */
export interface DiffRow {
  /** The field as recorded (`title_zh`), shown to auditors beside its words. */
  field: string;
  label: string | null;
  before: unknown;
  after: unknown;
  /** Whether each record names the field (an update often records only what it touched). */
  inBefore: boolean;
  inAfter: boolean;
  /**
   * Written by the change: in the after record and not the same before (a field only in the before record
   * was not touched; a record created or removed changes nothing, it is all new or all gone).
   */
  changed: boolean;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The words of a recorded field name, or null when there are none (the code is shown instead). */
export function fieldLabel(t: TFunction, field: string): string | null {
  // title_zh → titleZh → title + Chinese; budget_total_minor → budgetTotal; sha256 → sha.
  let key = camel(field)
    .replace(/Json$/, '')
    .replace(/Minor$/, '')
    .replace(/\d+$/, '');
  let lang: 'Zh' | 'En' | null = null;
  const suffix = /^(.+)(Zh|En)$/.exec(key);
  if (suffix && FIELD_LABELS[suffix[1]!]) {
    key = suffix[1]!;
    lang = suffix[2] as 'Zh' | 'En';
  }
  const english = FIELD_LABELS[key];
  if (!english) return null;
  const words = t(english);
  if (lang === 'Zh') return t('auditField.inChinese', { field: words });
  if (lang === 'En') return t('auditField.inEnglish', { field: words });
  return words;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The rows of a before/after pair; a value that is not an object is one row without a field. */
export function auditDiff(t: TFunction, before: unknown, after: unknown): DiffRow[] {
  const both = before !== null && before !== undefined && after !== null && after !== undefined;
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    const changed = both && !same(before, after);
    return [{ field: '', label: null, before, after, inBefore: true, inAfter: true, changed }];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => ({
    field,
    label: fieldLabel(t, field),
    before: b[field],
    after: a[field],
    inBefore: field in b,
    inAfter: field in a,
    changed: both && field in a && !same(b[field], a[field]),
  }));
  // What changed first, then the rest in the record's order: the reader looks for the change.
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
