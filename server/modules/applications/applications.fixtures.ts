import { deflateRawSync } from 'node:zlib';
import type { RequiredAttachment } from '../../../common/calls.js';
import { DEFAULT_CRITERIA } from '../../../common/calls.js';
import type { EligibilityRule } from '../../../common/eligibility.js';
import { toJsonColumn } from '../../db/rows.js';
import type { Ctx } from '../../http/context.js';
import { isoNow, newId } from '../../http/context.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { buildField, buildPerson } from '../../test/platform-factories.js';
import type { SaveDraftInput } from './applications.schema.js';

/**
 * Test data of applications: calls (inserted as rows: the calls module owns their API), typed
 * organisations, applicants linked to a person of their organisation, complete drafts and files.
 */
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export const REQUIRED_PDF: RequiredAttachment = {
  key: 'proposal',
  labelZh: '申报书正文',
  labelEn: 'Proposal',
  required: true,
  types: ['pdf', 'docx'],
  maxBytes: 64 * 1024,
};
export const OPTIONAL_SHEET: RequiredAttachment = {
  key: 'budget_sheet',
  labelZh: '预算表',
  labelEn: 'Budget sheet',
  required: false,
  types: ['xlsx', 'image'],
  maxBytes: 64 * 1024,
};

export interface CallOpts {
  platformId?: string;
  code?: string;
  opensAt?: string;
  closesAt?: string;
  ceilingMinor?: number;
  eligibility?: EligibilityRule[];
  attachments?: RequiredAttachment[];
  state?: string;
  resubmitWindowDays?: number;
}

/** A published call open from an hour before the clock until a week after, with one field. */
export async function buildCall(ctx: Ctx, o: CallOpts = {}) {
  const now = ctx.clock.now().getTime();
  const platformId = o.platformId ?? (await buildPlatform(ctx)).id;
  const field = await buildField(ctx);
  const id = newId();
  const at = isoNow(ctx.clock);
  const code = o.code ?? `C${next()}`.toUpperCase();
  await ctx.db
    .insertInto('calls')
    .values({
      id,
      platform_id: platformId,
      code,
      title_zh: `计划${code}`,
      title_en: `Call ${code}`,
      summary_zh: '摘要',
      summary_en: 'Summary',
      state: o.state ?? 'published',
      opens_at: o.opensAt ?? new Date(now - 3_600_000).toISOString(),
      closes_at: o.closesAt ?? new Date(now + 7 * 86_400_000).toISOString(),
      currency: 'CNY',
      budget_total_minor: 100_000_000,
      ceiling_minor: o.ceilingMinor ?? 10_000_000,
      eligibility_json: toJsonColumn(o.eligibility ?? []),
      criteria_json: toJsonColumn(DEFAULT_CRITERIA),
      reviewers_per_application: 3,
      required_attachments_json: toJsonColumn(o.attachments ?? [REQUIRED_PDF, OPTIONAL_SHEET]),
      screening_checklist_json: toJsonColumn([
        { key: 'signed', labelZh: '已盖章', labelEn: 'Signed and stamped' },
        { key: 'budget_ok', labelZh: '预算完整', labelEn: 'Budget complete' },
      ]),
      resubmit_window_days: o.resubmitWindowDays ?? 5,
      created_by: null,
      published_at: at,
      closed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ctx.db.insertInto('call_fields').values({ call_id: id, field_id: field.id }).execute();
  return { id, platformId, code, fieldId: field.id };
}

/** An organisation of the given type (enterprises are SMEs unless given). */
export async function buildOrg(ctx: Ctx, type = 'university', size: 'sme' | 'large' | null = null) {
  const name = `机构${next()}`;
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('organisations')
    .values({
      id,
      name_zh: name,
      name_en: `Org ${name}`,
      name_key: name.toLowerCase(),
      type,
      enterprise_size: type === 'enterprise' ? (size ?? 'sme') : null,
      credit_code: null,
      registry_id: null,
      address: null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      website: null,
      merged_into_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id };
}

/** A user with the applicant role on the platform, linked to a person of the organisation. */
export async function buildApplicant(
  ctx: Ctx,
  platformId: string,
  orgId: string,
  o: { username?: string } = {},
) {
  const user = await buildUser(ctx, { roles: ['applicant'], platformId, username: o.username });
  const person = await buildPerson(ctx, { organisationId: orgId, userId: user.id });
  return { userId: user.id, username: user.username, personId: person.id, orgId };
}

/** A contact person of an organisation (with an account when userId is given). */
export const buildContact = (ctx: Ctx, orgId: string, userId: string | null = null) =>
  buildPerson(ctx, { organisationId: orgId, userId });

export interface MemberSpec {
  orgId: string;
  contactId: string;
  requested: number;
  cofunding?: number;
}

/** A complete draft: content, the consortium as given and budget lines adding up per member. */
export function completeDraft(fieldId: string, members: MemberSpec[]): Required<SaveDraftInput> {
  return {
    content: {
      titleZh: '面向工业现场的智能传感器',
      titleEn: 'Smart sensors for the factory floor',
      summaryZh: '研究内容摘要',
      summaryEn: 'What we will do',
      fieldId,
      objectives: [{ text: '样机', indicators: [{ name: '精度', target: '0.1%' }] }],
      workPlan: [
        { title: '设计', startMonth: 1, endMonth: 6, milestones: [{ title: '方案评审', month: 6 }] },
      ],
    },
    consortium: members.map((m, i) => ({
      organisationId: m.orgId,
      contactPersonId: m.contactId,
      role: i === 0 ? '牵头' : '参与',
      requestedMinor: m.requested,
      cofundingMinor: m.cofunding ?? m.requested,
    })),
    budget: members.flatMap((m) => [
      { organisationId: m.orgId, category: 'equipment' as const, amountMinor: Math.floor(m.requested / 2) },
      {
        organisationId: m.orgId,
        category: 'labour' as const,
        amountMinor: m.requested - Math.floor(m.requested / 2),
      },
    ]),
  };
}

export const pdfBytes = (extra = '') => Buffer.from(`%PDF-1.4\n% commonlab test ${extra}\n%%EOF\n`);
export const pngBytes = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

/** A ZIP archive (deflated entries) with the given files, as Office writes DOCX/XLSX. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
export const docxBytes = () =>
  zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
export const xlsxBytes = () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
