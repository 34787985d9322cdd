import type { Database } from '../../server/db/database.js';
import { newId } from '../../server/http/context.js';
import { API_TOKEN_PREFIX, randomToken, tokenHash } from '../../server/modules/auth/secrets.js';
import type { SeededApplicant } from './rush.js';

type Row = Record<string, unknown>;
/** The tables one applicant's rows live in, parents first, and how the template's rows are found. */
const APPLICANT_TABLES = ['users', 'role_assignments', 'organisations', 'people', 'api_tokens'] as const;
const APPLICATION_TABLES = [
  'application_members',
  'application_budget_lines',
  'application_attachments',
] as const;

/**
 * Copies one applicant seeded through the services `applicants` times, each copy with `perApplicant`
 * drafts in the same call and its own API token: thousands of complete drafts in seconds, where the
 * services take ~20 ms per draft. Every id of the template is replaced by a fresh one in each copy
 * (foreign keys follow), the unique names get the copy's number, and the token hash is a new token's.
 */
export async function cloneApplicants(
  db: Database['db'],
  template: SeededApplicant,
  applicants: number,
  perApplicant: number,
): Promise<Array<{ token: string; appIds: string[] }>> {
  const byUser = (t: string): string => (t === 'users' ? 'id' : 'user_id');
  const tpl: Record<string, Row[]> = {};
  for (const t of APPLICANT_TABLES) {
    const key = t === 'organisations' ? 'id' : t === 'people' ? 'id' : byUser(t);
    const value =
      t === 'organisations' ? template.orgId : t === 'people' ? template.personId : template.userId;
    tpl[t] = (await db
      .selectFrom(t)
      .selectAll()
      .where(key as never, '=', value as never)
      .execute()) as Row[];
  }
  tpl.applications = (await db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', template.appId)
    .execute()) as Row[];
  tpl.application_versions = (await db
    .selectFrom('application_versions')
    .selectAll()
    .where('application_id', '=', template.appId)
    .execute()) as Row[];
  const versionIds = tpl.application_versions.map((v) => v.id as string);
  for (const t of APPLICATION_TABLES)
    tpl[t] = (await db.selectFrom(t).selectAll().where('version_id', 'in', versionIds).execute()) as Row[];
  const remap = (rows: Row[], ids: Map<string, string>) =>
    rows.map((r) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'string' && ids.has(v) ? ids.get(v) : v;
      return out;
    });
  const fresh = (rows: Row[], ids: Map<string, string>) => {
    for (const r of rows) if (typeof r.id === 'string') ids.set(r.id, newId());
  };
  const tables = [...APPLICANT_TABLES, 'applications', 'application_versions', ...APPLICATION_TABLES];
  const out: Row[][] = tables.map(() => []);
  const result: Array<{ token: string; appIds: string[] }> = [];
  for (let i = 0; i < applicants; i++) {
    const ids = new Map<string, string>();
    for (const t of APPLICANT_TABLES) fresh(tpl[t]!, ids);
    const token = `${API_TOKEN_PREFIX}${randomToken()}`;
    APPLICANT_TABLES.forEach((t, n) => {
      for (const r of remap(tpl[t]!, ids)) {
        if (t === 'users') Object.assign(r, { username: `rush${i}`, display_name: `申报人 ${i}` });
        if (t === 'organisations') Object.assign(r, { name_zh: `企业R${i}`, name_key: `企业r${i}` });
        if (t === 'api_tokens')
          Object.assign(r, { token_hash: tokenHash(token), token_prefix: token.slice(0, 8) });
        out[n]!.push(r);
      }
    });
    const appIds: string[] = [];
    for (let k = 0; k < perApplicant; k++) {
      const appMap = new Map(ids);
      for (const t of ['applications', 'application_versions', ...APPLICATION_TABLES]) fresh(tpl[t]!, appMap);
      appIds.push(appMap.get(template.appId)!);
      for (let n = APPLICANT_TABLES.length; n < tables.length; n++)
        out[n]!.push(...remap(tpl[tables[n]!]!, appMap));
    }
    result.push({ token, appIds });
  }
  await db.transaction().execute(async (trx) => {
    for (let n = 0; n < tables.length; n++) {
      const rows = out[n]!;
      const width = Object.keys(rows[0] ?? { x: 1 }).length;
      const chunk = Math.max(1, Math.floor(30_000 / width));
      for (let s = 0; s < rows.length; s += chunk)
        await trx
          .insertInto(tables[n] as 'users')
          .values(rows.slice(s, s + chunk) as never)
          .execute();
    }
  });
  return result;
}
