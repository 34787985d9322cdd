import { forbidden } from '../../../http/errors.js';
import { creditCodesOf } from '../../orgs/orgs.lookup.js';
import { can } from '../../people/people.policy.js';
import { type CreatePersonInput, createPersonBody } from '../../people/people.schema.js';
import { createPersonInTrx, listPeople } from '../../people/people.service.js';
import { type Column, email, phone, text } from '../columns.js';
import { type ImportKind, markInFileDuplicates } from '../kind.js';
import { type OrgRef, resolveOrgRefs } from '../org-refs.js';
import { creditCode } from './organisations.js';

/** The person's columns, shared with the committee import (a new member is a new person). */
export const PERSON_COLUMNS: readonly Column[] = [
  { key: 'name_zh', zh: '姓名', aliases: ['中文姓名', '名字', 'name'], required: true },
  { key: 'name_en', zh: '英文姓名', aliases: ['英文名', 'english name'], parse: text(100) },
  { key: 'title', zh: '职称', aliases: ['职务', '头衔', '职称职务'], parse: text(200), width: 24 },
  { key: 'email', zh: '邮箱', aliases: ['电子邮箱', '电子邮件', 'e-mail'], parse: email, width: 26 },
  { key: 'phone', zh: '电话', aliases: ['手机', '联系电话', '手机号'], parse: phone, text: true },
  {
    key: 'organisation',
    zh: '单位',
    aliases: ['工作单位', '所在单位', '机构', 'organization'],
    width: 32,
    hint: {
      zh: '单位库中的名称；填写信用代码时以代码为准',
      en: 'A name in the registry; the credit code wins when given',
    },
  },
  {
    key: 'organisation_credit_code',
    zh: '单位信用代码',
    aliases: ['单位统一社会信用代码', 'organization_credit_code'],
    parse: creditCode,
    text: true,
    width: 22,
  },
];

export const PERSON_POINTERS: Record<string, string> = {
  nameZh: 'name_zh',
  nameEn: 'name_en',
  title: 'title',
  email: 'email',
  phone: 'phone',
  organisationId: 'organisation',
};

type Cells = Record<string, unknown>;
export const str = (cells: Cells, key: string) =>
  typeof cells[key] === 'string' ? (cells[key] as string) : null;
export const orgRefOf = (c: Cells): OrgRef | null =>
  str(c, 'organisation') || str(c, 'organisation_credit_code')
    ? { name: str(c, 'organisation'), code: str(c, 'organisation_credit_code') }
    : null;

export const personOf = (c: Cells): CreatePersonInput => ({
  nameZh: str(c, 'name_zh')!,
  nameEn: str(c, 'name_en'),
  title: str(c, 'title'),
  email: str(c, 'email'),
  phone: str(c, 'phone'),
});

type PersonRow = { person: CreatePersonInput; org: OrgRef | null };

export const peopleKind: ImportKind<PersonRow> = {
  name: 'people',
  sheet: { zh: '人员', en: 'People' },
  columns: PERSON_COLUMNS,
  async authorizeImport(ctx) {
    if (!can(ctx.actor, 'people.create')) throw forbidden();
  },
  build: (c) => ({ person: personOf(c), org: orgRefOf(c) }),
  schemaOf: (input) => ({
    schema: createPersonBody,
    value: input.person,
    set: (p: CreatePersonInput) => {
      input.person = p;
    },
  }),
  async resolve(trx, rows) {
    markInFileDuplicates(rows, 'email', (i) => i.person.email?.toLowerCase() ?? null);
    await resolveOrgRefs(
      trx,
      rows,
      (i) => i.org,
      (i, id) => {
        i.person.organisationId = id;
      },
    );
  },
  write: async (trx, ctx, input) => (await createPersonInTrx(trx, ctx, input.person)).id,
  columnOf: (pointer) => PERSON_POINTERS[pointer.split('/')[1] ?? ''] ?? null,
  async exportData(ctx) {
    const people = [];
    for (let offset = 0; ; offset += 200) {
      const page = await listPeople(ctx, { limit: 200, offset });
      people.push(...page.items);
      if (offset + 200 >= page.total) break;
    }
    const codes = await creditCodesOf(
      ctx.db,
      people.map((p) => p.organisation?.id ?? null),
    );
    const records = people.map((p) => ({
      name_zh: p.nameZh,
      name_en: p.nameEn,
      title: p.title,
      // Withheld contact details stay empty, exactly as the list shows them.
      email: p.email,
      phone: p.phone,
      organisation: p.organisation?.nameZh ?? null,
      organisation_credit_code: (p.organisation && codes.get(p.organisation.id)) ?? null,
    }));
    return { records, hidden: new Set<string>() };
  },
};
