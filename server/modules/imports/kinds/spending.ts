import type { SpendingCategory } from '../../../../common/projects.js';
import { auditIn } from '../../../db/write.js';
import { nameKey } from '../../orgs/orgs.names.js';
import { normaliseCode } from '../../orgs/orgs.rules.js';
import {
  type LedgerMember,
  spendingForExport,
  spendingImportSubject,
  spendingImportTarget,
  spendingLedger,
} from '../../projects/projects.spending.import.js';
import { recordSpendingInTrx } from '../../projects/projects.spending.js';
import { type SpendingInput, spendingBody } from '../../projects/projects.spending.schema.js';
import { type Column, date, enumOf, type Parsed, text } from '../columns.js';
import type { CellError, ImportKind, RowState } from '../kind.js';
import { str } from './people.js';

/**
 * Spending of one project (issue 13, docs/projects.md "Spending import"): each row is an entry booked
 * through the projects service's own recordSpendingInTrx, so the budget rule (422 with the headroom) is
 * checked row after row against the existing entries and the rows above it, inside the import's one
 * transaction.
 */

export const costCategory = enumOf<SpendingCategory>({
  equipment: ['设备费', '设备', '设备购置费'],
  operations: ['业务费', '业务'],
  labour: ['劳务费', '劳务', 'labor'],
  indirect: ['间接费用', '间接费', '管理费'],
});

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Yuan (the currency's main unit) with at most two decimals, e.g. 1,234.5 or ¥1234.50, to integer fen. */
export function yuanToFen(t: string): Parsed<number> {
  const s = t.replace(/^[¥￥$]|[,，\s]/g, '');
  if (/^-?\d+(?:\.\d+)?$/.test(s) && Number(s) <= 0) return { error: 'imports.amount_not_positive' };
  const m = AMOUNT.exec(s);
  if (!m) return { error: 'imports.invalid_amount' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? { value: fen } : { error: 'imports.amount_not_positive' };
}

/** Integer fen to the yuan text the file carries (12345 → 123.45). */
export const fenToYuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const COLUMNS: readonly Column[] = [
  {
    key: 'organisation',
    zh: '成员单位',
    aliases: ['成员', '单位', '承担单位', '单位名称', 'member'],
    required: true,
    parse: text(200),
    width: 30,
    hint: {
      zh: '项目联合体成员单位的名称（中文或英文）或统一社会信用代码',
      en: "A consortium member's name (Chinese or English) or credit code",
    },
  },
  {
    key: 'cost_category',
    zh: '支出类别',
    aliases: ['类别', '费用类别', '科目', '支出科目', 'category'],
    required: true,
    ...costCategory,
  },
  {
    key: 'spent_on',
    zh: '支出日期',
    aliases: ['日期', 'date'],
    required: true,
    parse: date,
    hint: { zh: 'YYYY-MM-DD，须在项目执行期内', en: 'YYYY-MM-DD, within the project period' },
  },
  {
    key: 'amount',
    zh: '金额（元）',
    aliases: ['金额', '支出金额', 'amount_yuan'],
    required: true,
    parse: yuanToFen,
    hint: {
      zh: '以元为单位，大于零，最多两位小数',
      en: "In the currency's main unit (yuan), above zero, at most two decimals",
    },
  },
  {
    key: 'description',
    zh: '摘要',
    aliases: ['说明', '用途', '支出说明', '描述'],
    required: true,
    parse: text(500),
    width: 36,
  },
  {
    key: 'evidence_ref',
    zh: '凭证号',
    aliases: ['凭证编号', '发票号', '凭证', 'evidence', 'evidence_reference'],
    parse: text(100),
    width: 20,
    hint: { zh: '发票号或记账凭证号', en: 'Invoice or voucher number' },
  },
];

const POINTERS: Record<string, string> = {
  organisationId: 'organisation',
  category: 'cost_category',
  spentOn: 'spent_on',
  amountMinor: 'amount',
  description: 'description',
  evidenceRef: 'evidence_ref',
};

type Entry = Omit<SpendingInput, 'organisationId'>;
type SpendingRow = { entry: Entry; organisationId?: string; member: string | null };

/** The member a cell names: by credit code, exact name (either language), or the normalised name. */
function memberOf(members: LedgerMember[], named: string): string | CellError {
  const code = normaliseCode(named).code;
  const byCode = members.filter((m) => m.creditCode && m.creditCode === code);
  const exact = members.filter((m) => m.nameZh === named || m.nameEn?.toLowerCase() === named.toLowerCase());
  const found = byCode.length ? byCode : exact.length ? exact : members.filter((m) => sameKey(m, named));
  if (found.length === 1) return found[0]!.organisationId;
  return {
    column: 'organisation',
    code: found.length ? 'imports.ambiguous_organisation' : 'imports.unknown_member',
  };
}
const sameKey = (m: LedgerMember, named: string) =>
  nameKey(m.nameZh) === nameKey(named) || (!!m.nameEn && nameKey(m.nameEn) === nameKey(named));

/** Same member, category, date, amount and description: the same entry. */
const entryKey = (
  e: { organisationId: string } & Pick<Entry, 'category' | 'spentOn' | 'amountMinor' | 'description'>,
) => [e.organisationId, e.category, e.spentOn, e.amountMinor, e.description.trim()].join('\u0000');

function markDuplicates(rows: RowState<SpendingRow>[], booked: Set<string>) {
  const inFile = new Set<string>();
  for (const r of rows) {
    if (!r.input?.organisationId || r.errors.length) continue;
    const key = entryKey({ ...r.input.entry, organisationId: r.input.organisationId });
    if (booked.has(key)) r.errors.push({ column: null, code: 'imports.duplicate_entry' });
    else if (inFile.has(key)) r.errors.push({ column: null, code: 'imports.duplicate_in_file' });
    inFile.add(key);
  }
}

export const spendingKind: ImportKind<SpendingRow> = {
  name: 'spending',
  sheet: { zh: '项目支出', en: 'Spending' },
  columns: COLUMNS,
  async authorizeImport(ctx, scope) {
    await spendingImportTarget(ctx, scope.projectId!);
  },
  subjectOf: (trx, scope) => spendingImportSubject(trx, scope.projectId!),
  build: (c) => ({
    entry: {
      category: str(c, 'cost_category') as SpendingCategory,
      spentOn: str(c, 'spent_on')!,
      amountMinor: c.amount as number,
      description: str(c, 'description')!,
      evidenceRef: str(c, 'evidence_ref'),
    },
    member: str(c, 'organisation'),
  }),
  schemaOf: (input) => ({
    schema: spendingBody.omit({ organisationId: true }),
    value: input.entry,
    set: (e: Entry) => {
      input.entry = e;
    },
  }),
  async resolve(trx, rows, scope) {
    const { members, entries } = await spendingLedger(trx, scope.projectId!);
    for (const r of rows) {
      if (!r.input?.member) continue;
      const found = memberOf(members, r.input.member);
      if (typeof found === 'string') r.input.organisationId = found;
      else r.errors.push(found);
    }
    markDuplicates(rows, new Set(entries.map((e) => entryKey(e))));
  },
  write: (trx, ctx, input, scope) =>
    recordSpendingInTrx(trx, ctx, auditIn(trx, ctx), scope.projectId!, {
      ...input.entry,
      organisationId: input.organisationId!,
    }),
  async templateValues(ctx, scope, lang): Promise<Record<string, string[]>> {
    if (!scope.projectId) return {};
    const { members } = await spendingForExport(ctx, scope.projectId);
    return { organisation: members.map((m) => (lang === 'en-US' && m.nameEn) || m.nameZh) };
  },
  columnOf: (pointer) => POINTERS[pointer.split('/')[1] ?? ''] ?? null,
  async exportData(ctx, q) {
    const { members, entries } = await spendingForExport(ctx, q.projectId!);
    const names = new Map(members.map((m) => [m.organisationId, m]));
    const records = [...entries].reverse().map((e) => {
      const m = names.get(e.organisationId);
      return {
        organisation: (q.lang === 'en-US' ? m?.nameEn : null) ?? m?.nameZh ?? e.organisationId,
        cost_category: costCategory.format(e.category, q.lang),
        spent_on: e.spentOn,
        amount: fenToYuan(e.amountMinor),
        description: e.description,
        evidence_ref: e.evidenceRef ?? null,
      };
    });
    return { records, hidden: new Set<string>() };
  },
};
