import { forbidden } from '../../../http/errors.js';
import { can } from '../../orgs/orgs.policy.js';
import { normaliseCode, orgRuleErrors } from '../../orgs/orgs.rules.js';
import { type CreateOrgInput, createOrgBody } from '../../orgs/orgs.schema.js';
import { insertOrganisationInTrx, listAllOrgs } from '../../orgs/orgs.service.js';
import { type Column, country, email, enumOf, type Parsed, phone, text, url } from '../columns.js';
import { type ImportKind, markInFileDuplicates } from '../kind.js';

export const orgType = enumOf({
  enterprise: ['企业', '公司', '企业单位'],
  university: ['高校', '大学', '高等院校', '高等学校', '学院'],
  institute: ['科研院所', '研究机构', '科研机构', '研究院所', '研究所', '研究院'],
  government: ['政府', '政府机关', '政府部门', '机关'],
  other: ['其他', '其它'],
});
export const enterpriseSize = enumOf({
  large: ['大型企业', '大型', '大企业'],
  sme: ['中小企业', '中小型企业', '中小型', '中小', '中小微企业'],
});

export function creditCode(t: string): Parsed<string> {
  const { code, error } = normaliseCode(t);
  return error ? { error: error.code } : { value: code! };
}

const CONTACTS = ['contact_name', 'contact_phone', 'contact_email'];

const COLUMNS: readonly Column[] = [
  {
    key: 'name_zh',
    zh: '名称',
    aliases: ['中文名称', '单位名称', '机构名称', '组织名称', 'name'],
    required: true,
    width: 32,
  },
  { key: 'name_en', zh: '英文名称', aliases: ['外文名称', 'english name'], width: 32 },
  { key: 'type', zh: '类型', aliases: ['单位类型', '机构类型', '组织类型'], required: true, ...orgType },
  {
    key: 'enterprise_size',
    zh: '企业规模',
    aliases: ['规模', 'size'],
    ...enterpriseSize,
    hint: { zh: '企业必填，其他类型留空', en: 'Required for enterprises, empty otherwise' },
  },
  {
    key: 'credit_code',
    zh: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码', 'uscc'],
    parse: creditCode,
    text: true,
    width: 22,
  },
  { key: 'registry_id', zh: '其他登记号', aliases: ['登记号', '注册号'], parse: text(100), text: true },
  {
    key: 'country',
    zh: '国家或地区',
    aliases: ['国家/地区', '国家', '国别'],
    parse: country,
    hint: { zh: '默认 CN', en: 'Default CN' },
  },
  { key: 'address', zh: '地址', aliases: ['注册地址', '通讯地址'], parse: text(300), width: 36 },
  { key: 'contact_name', zh: '联系人', aliases: ['contact'], parse: text(100) },
  { key: 'contact_phone', zh: '联系电话', aliases: ['电话', '手机', 'phone'], parse: phone, text: true },
  {
    key: 'contact_email',
    zh: '联系邮箱',
    aliases: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'],
    parse: email,
    width: 26,
  },
  { key: 'website', zh: '网站', aliases: ['网址', '主页', 'url'], parse: url, width: 26 },
];

const POINTERS: Record<string, string> = {
  nameZh: 'name_zh',
  nameEn: 'name_en',
  type: 'type',
  enterpriseSize: 'enterprise_size',
  creditCode: 'credit_code',
  registryId: 'registry_id',
  country: 'country',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  website: 'website',
};

type Cells = Record<string, unknown>;
const str = (cells: Cells, key: string) => (typeof cells[key] === 'string' ? (cells[key] as string) : null);

export const organisationsKind: ImportKind<CreateOrgInput> = {
  name: 'organisations',
  sheet: { zh: '单位', en: 'Organisations' },
  columns: COLUMNS,
  schemaOf: (input) => ({
    schema: createOrgBody,
    value: input,
    set: (p: CreateOrgInput) => Object.assign(input, p),
  }),
  async authorizeImport(ctx) {
    if (!can(ctx.actor, 'orgs.manage')) throw forbidden();
  },
  build: (c) => ({
    nameZh: str(c, 'name_zh')!,
    nameEn: str(c, 'name_en'),
    type: str(c, 'type') as CreateOrgInput['type'],
    enterpriseSize: str(c, 'enterprise_size') as CreateOrgInput['enterpriseSize'],
    creditCode: str(c, 'credit_code'),
    registryId: str(c, 'registry_id'),
    country: str(c, 'country') ?? 'CN',
    address: str(c, 'address'),
    contactName: str(c, 'contact_name'),
    contactPhone: str(c, 'contact_phone'),
    contactEmail: str(c, 'contact_email'),
    website: str(c, 'website'),
  }),
  async resolve(_trx, rows) {
    for (const r of rows) {
      if (!r.input) continue;
      const { type, enterpriseSize, creditCode } = r.input;
      for (const e of orgRuleErrors({
        type,
        enterpriseSize: enterpriseSize ?? null,
        creditCode: creditCode ?? null,
      })) {
        // The credit code was already reported by its column parser.
        if (e.field === 'enterpriseSize') r.errors.push({ column: 'enterprise_size', code: e.code });
      }
    }
    markInFileDuplicates(rows, 'credit_code', (i) => i.creditCode ?? null);
  },
  write: (trx, ctx, input) => insertOrganisationInTrx(trx, ctx, input),
  columnOf: (pointer) => POINTERS[pointer.split('/')[1] ?? ''] ?? null,
  uniqueViolation: { column: 'credit_code', code: 'orgs.duplicate_credit_code' },
  async exportData(ctx, q) {
    const filter = {
      type: q.type as CreateOrgInput['type'],
      size: q.size as 'large' | 'sme',
      sort: q.lang === 'en-US' ? ('name_en' as const) : ('name_zh' as const),
    };
    const { items, canManage } = await listAllOrgs(ctx, filter);
    const records = items.map((o) => ({
      name_zh: o.nameZh,
      name_en: o.nameEn,
      type: orgType.format(o.type, q.lang),
      enterprise_size: o.enterpriseSize && enterpriseSize.format(o.enterpriseSize, q.lang),
      credit_code: o.creditCode,
      registry_id: o.registryId,
      country: o.country,
      address: o.address,
      website: o.website,
      contact_name: o.contactName ?? null,
      contact_phone: o.contactPhone ?? null,
      contact_email: o.contactEmail ?? null,
    }));
    // The list leaves contacts out for everyone but the keepers; so does the file, columns and all.
    return { records, hidden: new Set(canManage ? [] : CONTACTS) };
  },
};
