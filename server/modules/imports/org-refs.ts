import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findOrgsByCodeOrName, type OrgCandidate } from '../orgs/orgs.lookup.js';
import { nameKey } from '../orgs/orgs.names.js';
import { normaliseCode } from '../orgs/orgs.rules.js';
import type { CellError, RowState } from './kind.js';

/** How a row names an organisation of the registry: by credit code (preferred) or by name. */
export interface OrgRef {
  code: string | null;
  name: string | null;
}

/**
 * Finds the organisations the rows name, with one query for the whole file. A name matches the
 * Chinese or English name exactly, else the normalised name; several matches are ambiguous.
 */
export async function resolveOrgRefs<T>(
  db: Kysely<DB>,
  rows: RowState<T>[],
  refOf: (input: T) => OrgRef | null,
  assign: (input: T, organisationId: string) => void,
): Promise<void> {
  const wanted = rows.flatMap((r) => (r.input && refOf(r.input) ? [{ r, ref: refOf(r.input)! }] : []));
  if (!wanted.length) return;
  const codes = wanted.flatMap(({ ref }) => (ref.code ? [normaliseCode(ref.code).code!] : []));
  const names = wanted.flatMap(({ ref }) => (ref.name ? [ref.name] : []));
  const candidates = await findOrgsByCodeOrName(db, codes, names);
  for (const { r, ref } of wanted) {
    const outcome = match(candidates, ref);
    if ('id' in outcome) assign(r.input!, outcome.id);
    else r.errors.push(outcome);
  }
}

function match(all: OrgCandidate[], ref: OrgRef): { id: string } | CellError {
  if (ref.code) {
    const code = normaliseCode(ref.code).code;
    const hit = all.find((o) => o.credit_code === code);
    return hit
      ? { id: hit.id }
      : { column: 'organisation_credit_code', code: 'imports.unknown_organisation' };
  }
  const name = ref.name!;
  const exact = all.filter((o) => o.name_zh === name || o.name_en?.toLowerCase() === name.toLowerCase());
  const found = exact.length ? exact : all.filter((o) => o.name_key === nameKey(name));
  if (found.length === 1) return { id: found[0]!.id };
  return {
    column: 'organisation',
    code: found.length ? 'imports.ambiguous_organisation' : 'imports.unknown_organisation',
  };
}
