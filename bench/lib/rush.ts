/**
 * The deadline rush's set-up and checks, shared by the burst (`submissions`) and the sustained
 * (`submissions-sustained`) benchmarks: a platform with an open call, applicants with complete drafts
 * made through the services, and the check that the database holds exactly the accepted submissions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CRITERIA } from '../../common/calls.js';
import type { Database } from '../../server/db/database.js';
import { type Ctx, isoNow, newId } from '../../server/http/context.js';
import { uploadAttachment } from '../../server/modules/applications/applications.attachments.js';
import { createApplication, saveDraft } from '../../server/modules/applications/applications.drafts.js';
import { hashPassword } from '../../server/modules/auth/password.js';
import { createToken } from '../../server/modules/auth/tokens.service.js';
import { loadActor } from '../../server/modules/users/users.accounts.js';

export interface SeededApplicant {
  appId: string;
  token: string;
  userId: string;
  orgId: string;
  personId: string;
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

/** A platform with an open call, and N applicants each with a complete draft and a write token. */
export async function seed(ctx: Ctx, n: number) {
  const now = isoNow(ctx.clock);
  const platformId = newId();
  await ctx.db
    .insertInto('platforms')
    .values({
      id: platformId,
      code: 'BENCH',
      name_zh: '基准平台',
      name_en: 'Bench',
      model: 'ppp_program',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const fieldId = newId();
  await ctx.db
    .insertInto('tech_fields')
    .values({
      id: fieldId,
      parent_id: null,
      code: 'bench',
      name_zh: '领域',
      name_en: 'Field',
      retired_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const callId = newId();
  await ctx.db
    .insertInto('calls')
    .values({
      id: callId,
      platform_id: platformId,
      code: 'RUSH',
      title_zh: '基准计划',
      title_en: 'Bench call',
      summary_zh: null,
      summary_en: null,
      state: 'published',
      opens_at: new Date(Date.now() - 3_600_000).toISOString(),
      closes_at: new Date(Date.now() + 3_600_000).toISOString(),
      currency: 'CNY',
      budget_total_minor: 1e12,
      ceiling_minor: 1e9,
      eligibility_json: JSON.stringify([{ kind: 'within_ceiling' }, { kind: 'must_include_enterprise' }]),
      criteria_json: JSON.stringify(DEFAULT_CRITERIA),
      reviewers_per_application: 3,
      required_attachments_json: JSON.stringify([
        {
          key: 'proposal',
          labelZh: '正文',
          labelEn: 'Proposal',
          required: true,
          types: ['pdf'],
          maxBytes: 1 << 20,
        },
      ]),
      screening_checklist_json: '[]',
      resubmit_window_days: 5,
      created_by: null,
      published_at: now,
      closed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db.insertInto('call_fields').values({ call_id: callId, field_id: fieldId }).execute();
  const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
  const pdf = Buffer.from(`%PDF-1.4\n${'x'.repeat(20_000)}\n%%EOF\n`);
  const out: SeededApplicant[] = [];
  for (let i = 0; i < n; i++) {
    const userId = newId();
    const orgId = newId();
    const personId = newId();
    await ctx.db
      .insertInto('users')
      .values({
        id: userId,
        username: `applicant${i}`,
        display_name: `申报人 ${i}`,
        email: null,
        password_hash: passwordHash,
        is_system_admin: 0,
        locale: 'zh-CN',
        locked_until: null,
        disabled_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto('role_assignments')
      .values({ id: newId(), user_id: userId, platform_id: platformId, role: 'applicant', created_at: now })
      .execute();
    await ctx.db
      .insertInto('organisations')
      .values({
        id: orgId,
        name_zh: `企业${i}`,
        name_en: null,
        name_key: `企业${i}`,
        type: 'enterprise',
        enterprise_size: 'sme',
        credit_code: null,
        registry_id: null,
        address: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        website: null,
        merged_into_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto('people')
      .values({
        id: personId,
        name_zh: `联系人${i}`,
        name_en: null,
        title: null,
        email: null,
        phone: null,
        organisation_id: orgId,
        user_id: userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const owner = { ...ctx, actor: await loadActor(ctx.db, userId, 'session', ['read', 'write']) };
    const appId = await createApplication(owner, callId, {});
    const requested = 100_000 + i;
    await saveDraft(owner, appId, {
      content: {
        titleZh: `项目 ${i}`,
        summaryZh: '摘要',
        fieldId,
        objectives: [{ text: '目标', indicators: [{ name: '指标', target: '1' }] }],
        workPlan: [
          { title: '阶段', startMonth: 1, endMonth: 12, milestones: [{ title: '里程碑', month: 12 }] },
        ],
      },
      consortium: [
        {
          organisationId: orgId,
          contactPersonId: personId,
          role: '牵头',
          requestedMinor: requested,
          cofundingMinor: requested,
        },
      ],
      budget: [
        { organisationId: orgId, category: 'equipment', amountMinor: 50_000 },
        { organisationId: orgId, category: 'labour', amountMinor: requested - 50_000 },
      ],
    });
    await uploadAttachment(owner, appId, 'proposal', {
      fileName: `p${i}.pdf`,
      bytes: Buffer.concat([pdf, Buffer.from(String(i))]),
    });
    const { token } = await createToken(owner, { name: 'bench', scopes: ['read', 'write'] });
    out.push({ appId, token, userId, orgId, personId });
  }
  return { callId, platformId, applicants: out };
}

/** Accepted submissions in the database: frozen, checksummed, numbered 1..n without gaps. */
export async function verify(database: Database, callId: string, acceptedIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  const db = database.db;
  const submitted = await db
    .selectFrom('applications')
    .select(['id', 'receipt_no'])
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .execute();
  const ids = new Set(submitted.map((s) => s.id));
  if (ids.size !== acceptedIds.length || acceptedIds.some((id) => !ids.has(id)))
    problems.push(`database holds ${ids.size} submitted applications, ${acceptedIds.length} were accepted`);
  const versions = await db
    .selectFrom('application_versions')
    .select(['snapshot_json', 'checksum', 'receipt_seq'])
    .where('call_id', '=', callId)
    .where('frozen_at', 'is not', null)
    .execute();
  const seqs = versions.map((v) => Number(v.receipt_seq)).sort((a, b) => a - b);
  if (seqs.some((s, i) => s !== i + 1)) problems.push('receipt numbers are not 1..n without gaps');
  if (versions.some((v) => createHash('sha256').update(v.snapshot_json!).digest('hex') !== v.checksum))
    problems.push('a frozen version does not match its checksum');
  if (versions.length !== acceptedIds.length)
    problems.push(`${versions.length} frozen versions for ${acceptedIds.length} accepted`);
  return problems;
}
