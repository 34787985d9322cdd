import type { COMMITTEE_CATEGORIES } from '../../../../common/platforms.js';
import { forbidden } from '../../../http/errors.js';
import { can } from '../../committee/committee.policy.js';
import { type AddCommitteeMemberInput, addMemberBody } from '../../committee/committee.schema.js';
import { addCommitteeMemberInTrx } from '../../committee/committee.service.js';
import { listCommittee } from '../../committee/committee.views.js';
import { creditCodesOf } from '../../orgs/orgs.lookup.js';
import { personViewsByIds } from '../../people/people.lookup.js';
import { platformOrNotFound } from '../../platforms/platforms.service.js';
import { type Column, date, enumOf, list, text } from '../columns.js';
import { type ImportKind, markInFileDuplicates } from '../kind.js';
import { type OrgRef, resolveOrgRefs } from '../org-refs.js';
import { orgRefOf, PERSON_COLUMNS, PERSON_POINTERS, personOf, str } from './people.js';

export const category = enumOf<(typeof COMMITTEE_CATEGORIES)[number]>({
  academic: ['学术', '学术界', '顶尖学术研究者', '学者'],
  lab: ['实验室', '重点实验室', '重点实验室管理和研究人员'],
  industry: ['产业', '产业界', '产业界人士', '企业界'],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS: readonly Column[] = [
  {
    key: 'person_id',
    zh: '人员ID',
    parse: (t) => (UUID.test(t) ? { value: t.toLowerCase() } : { error: 'imports.invalid_value' }),
    width: 38,
    hint: {
      zh: '已有人员；留空则按下列各列新建人员',
      en: 'An existing person; leave empty to create one from the next columns',
    },
  },
  ...PERSON_COLUMNS.map((c) =>
    c.key === 'name_zh'
      ? { ...c, required: false, hint: { zh: '无人员ID时必填', en: 'Required without person_id' } }
      : c,
  ),
  { key: 'category', zh: '类别', aliases: ['委员类别', '类型'], required: true, ...category },
  {
    key: 'term_start',
    zh: '任期开始',
    aliases: ['任期起', '开始日期', '聘任日期'],
    required: true,
    parse: date,
    hint: { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
  },
  { key: 'term_end', zh: '任期结束', aliases: ['任期止', '结束日期'], parse: date },
  {
    key: 'appointed_by',
    zh: '聘任机构',
    aliases: ['任命机构', '聘任单位'],
    parse: text(200),
    width: 24,
    hint: { zh: '默认为平台的委员会聘任机构', en: "Default: the platform's appointing body" },
  },
  {
    key: 'fields',
    zh: '技术领域',
    aliases: ['领域', '领域代码', 'field_codes'],
    parse: list,
    width: 24,
    hint: { zh: '领域代码，以逗号分隔', en: 'Field codes, comma-separated' },
  },
];

const MEMBER_POINTERS: Record<string, string> = {
  personId: 'person_id',
  category: 'category',
  organisationId: 'organisation',
  termStart: 'term_start',
  termEnd: 'term_end',
  appointedBy: 'appointed_by',
  fieldCodes: 'fields',
};

type MemberRow = { member: AddCommitteeMemberInput; org: OrgRef | null };

async function authorize(
  ctx: Parameters<ImportKind<MemberRow>['authorizeImport']>[0],
  platformId: string | undefined,
  action: 'committee.manage' | 'committee.read',
) {
  const platform = await platformOrNotFound(ctx.db, platformId!);
  if (!can(ctx.actor, action, platform)) throw forbidden();
}

export const committeeKind: ImportKind<MemberRow> = {
  name: 'committee',
  sheet: { zh: '评估委员会', en: 'Committee' },
  columns: COLUMNS,
  authorizeImport: (ctx, scope) => authorize(ctx, scope.platformId, 'committee.manage'),
  build: (c) => {
    // A person id that did not parse still means "an existing person": no new person is built.
    const personId = c.person_id === undefined ? null : (str(c, 'person_id') ?? '');
    return {
      member: {
        ...(personId !== null ? { personId } : { person: personOf(c) }),
        category: str(c, 'category') as AddCommitteeMemberInput['category'],
        termStart: str(c, 'term_start')!,
        termEnd: str(c, 'term_end'),
        ...(str(c, 'appointed_by') && { appointedBy: str(c, 'appointed_by') }),
        ...(Array.isArray(c.fields) ? { fieldCodes: c.fields as string[] } : {}),
      },
      org: orgRefOf(c),
    };
  },
  schemaOf: (input) => ({
    schema: addMemberBody,
    value: input.member,
    set: (m: AddCommitteeMemberInput) => {
      input.member = m;
    },
  }),
  async resolve(trx, rows) {
    markInFileDuplicates(rows, 'person_id', (i) => i.member.personId ?? null);
    markInFileDuplicates(rows, 'email', (i) => i.member.person?.email?.toLowerCase() ?? null);
    await resolveOrgRefs(
      trx,
      rows,
      (i) => i.org,
      (i, id) => {
        i.member.organisationId = id;
        if (i.member.person) i.member.person.organisationId = id;
      },
    );
  },
  write: async (trx, ctx, input, scope) =>
    (await addCommitteeMemberInTrx(trx, ctx, scope.platformId!, input.member)).id,
  columnOf: (pointer) => {
    const [, first, second] = pointer.split('/');
    return (first === 'person' ? PERSON_POINTERS[second ?? ''] : MEMBER_POINTERS[first ?? '']) ?? null;
  },
  uniqueViolation: { column: 'person_id', code: 'committee.already_member' },
  async exportData(ctx, q) {
    await authorize(ctx, q.platformId, 'committee.read');
    const { items } = await listCommittee(ctx, q.platformId!, { includeEnded: true });
    // The people module's personViewsByIds applies its contact policy.
    const people = new Map(
      (
        await personViewsByIds(
          ctx,
          items.map((m) => m.person.id),
        )
      ).map((p) => [p.id, p]),
    );
    const codes = await creditCodesOf(
      ctx.db,
      items.map((m) => m.organisation?.id ?? null),
    );
    const records = items.map((m) => {
      const p = people.get(m.person.id);
      return {
        person_id: m.person.id,
        name_zh: m.person.nameZh,
        name_en: m.person.nameEn,
        title: m.person.title,
        email: p?.email ?? null,
        phone: p?.phone ?? null,
        organisation: m.organisation?.nameZh ?? null,
        organisation_credit_code: (m.organisation && codes.get(m.organisation.id)) ?? null,
        category: category.format(m.category, q.lang),
        term_start: m.termStart,
        term_end: m.termEnd,
        appointed_by: m.appointedBy,
        fields: m.fields.map((f) => f.code).join(', '),
      };
    });
    return { records, hidden: new Set<string>() };
  },
};
