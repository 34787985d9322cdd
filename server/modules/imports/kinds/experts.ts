import type { ExpertCategory } from '../../../../common/review.js';
import { forbidden } from '../../../http/errors.js';
import { liveFieldIdsByCode } from '../../fields/fields.lookup.js';
import { creditCodesOf } from '../../orgs/orgs.lookup.js';
import { personViewsByIds } from '../../people/people.lookup.js';
import { canCurateExperts } from '../../review/experts/experts.policy.js';
import { type CreateExpertInput, createExpertBody } from '../../review/experts/experts.schema.js';
import { createExpertInTrx, listExperts } from '../../review/experts/experts.service.js';
import { type Column, enumOf, list, type Parsed, text } from '../columns.js';
import { type ImportKind, markInFileDuplicates } from '../kind.js';
import { type OrgRef, resolveOrgRefs } from '../org-refs.js';
import { orgRefOf, PERSON_COLUMNS, PERSON_POINTERS, personOf, str } from './people.js';

export const expertCategory = enumOf<ExpertCategory>({
  academic: ['学术', '学术界', '学者', '高校'],
  industry: ['产业', '产业界', '企业', '企业界'],
  lab: ['实验室', '重点实验室', '科研院所'],
});

const loadMax = (t: string): Parsed<number> =>
  /^\d{1,3}$/.test(t) && Number(t) <= 100 ? { value: Number(t) } : { error: 'imports.invalid_value' };

const person = (key: string) => PERSON_COLUMNS.find((c) => c.key === key)!;

const COLUMNS: readonly Column[] = [
  person('name_zh'),
  person('name_en'),
  person('email'),
  person('organisation'),
  person('organisation_credit_code'),
  { key: 'category', zh: '专家类别', aliases: ['类别', '类型'], required: true, ...expertCategory },
  {
    key: 'fields',
    zh: '技术领域',
    aliases: ['领域', '领域代码', 'field_codes'],
    parse: list,
    width: 28,
    hint: { zh: '领域代码，以分号分隔', en: 'Field codes, separated by ;' },
  },
  { key: 'expertise_zh', zh: '研究专长', aliases: ['专长', '中文专长'], parse: text(4000), width: 40 },
  {
    key: 'expertise_en',
    zh: '英文研究专长',
    aliases: ['英文专长', 'expertise'],
    parse: text(4000),
    width: 40,
  },
  {
    key: 'load_max',
    zh: '评审上限',
    aliases: ['最大评审数', '负荷上限'],
    parse: loadMax,
    hint: { zh: '每批次最多评审的申请数，默认6', en: 'Most applications per call; default 6' },
  },
];

const EXPERT_POINTERS: Record<string, string> = {
  category: 'category',
  fieldIds: 'fields',
  expertiseZh: 'expertise_zh',
  expertiseEn: 'expertise_en',
  loadMax: 'load_max',
};

type ExpertRow = { expert: CreateExpertInput; org: OrgRef | null; fieldCodes: string[] };

export const expertsKind: ImportKind<ExpertRow> = {
  name: 'experts',
  sheet: { zh: '专家库', en: 'Experts' },
  columns: COLUMNS,
  async authorizeImport(ctx) {
    if (!canCurateExperts(ctx.actor)) throw forbidden();
  },
  build: (c) => ({
    expert: {
      person: personOf(c),
      category: str(c, 'category') as ExpertCategory,
      expertiseZh: str(c, 'expertise_zh'),
      expertiseEn: str(c, 'expertise_en'),
      loadMax: typeof c.load_max === 'number' ? c.load_max : 6,
      active: true,
      fieldIds: [],
      outputs: [],
      declaredConflicts: [],
      availability: [],
    },
    org: orgRefOf(c),
    fieldCodes: Array.isArray(c.fields) ? (c.fields as string[]) : [],
  }),
  schemaOf: (input) => ({
    schema: createExpertBody,
    value: input.expert,
    set: (e: CreateExpertInput) => {
      input.expert = e;
    },
  }),
  async resolve(trx, rows) {
    markInFileDuplicates(rows, 'email', (i) => i.expert.person?.email?.toLowerCase() ?? null);
    await resolveOrgRefs(
      trx,
      rows,
      (i) => i.org,
      (i, id) => {
        if (i.expert.person) i.expert.person.organisationId = id;
      },
    );
    const codes = [...new Set(rows.flatMap((r) => r.input?.fieldCodes ?? []).map((c) => c.toLowerCase()))];
    const byCode = await liveFieldIdsByCode(trx, codes);
    for (const r of rows) {
      if (!r.input) continue;
      const ids = r.input.fieldCodes.map((c) => byCode.get(c.toLowerCase()));
      if (ids.some((id) => !id)) r.errors.push({ column: 'fields', code: 'experts.unknown_field' });
      else r.input.expert.fieldIds = [...new Set(ids as string[])];
    }
  },
  write: (trx, ctx, input) => createExpertInTrx(trx, ctx, input.expert),
  columnOf: (pointer) => {
    const [, first, second] = pointer.split('/');
    return (first === 'person' ? PERSON_POINTERS[second ?? ''] : EXPERT_POINTERS[first ?? '']) ?? null;
  },
  async exportData(ctx, q) {
    const experts = [];
    for (let offset = 0; ; offset += 200) {
      const page = await listExperts(ctx, { limit: 200, offset });
      experts.push(...page.items);
      if (offset + 200 >= page.total) break;
    }
    // E-mail addresses follow the people directory's contact policy (withheld ones stay empty).
    const people = new Map(
      (
        await personViewsByIds(
          ctx,
          experts.map((e) => e.person.id),
        )
      ).map((p) => [p.id, p]),
    );
    const codes = await creditCodesOf(
      ctx.db,
      experts.map((e) => e.organisation?.id ?? null),
    );
    const records = experts.map((e) => ({
      name_zh: e.person.nameZh,
      name_en: e.person.nameEn,
      email: people.get(e.person.id)?.email ?? null,
      organisation: e.organisation?.nameZh ?? null,
      organisation_credit_code: (e.organisation && codes.get(e.organisation.id)) ?? null,
      category: expertCategory.format(e.category, q.lang),
      fields: e.fields.map((f) => f.code).join('; '),
      expertise_zh: e.expertiseZh,
      expertise_en: e.expertiseEn,
      load_max: String(e.loadMax),
    }));
    return { records, hidden: new Set<string>() };
  },
};
