import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type {
  AgreementKind,
  CRADA_CLASSES,
  Exclusivity,
  LicenceKind,
  ReceiptCategory,
  TERMINATION_REASONS,
} from '../../../common/ip.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type {
  AgreementIpTable,
  AgreementsTable,
  DB,
  DistributionRulesTable,
  DistributionsTable,
  ReceiptsTable,
} from '../../db/schema.js';
import { licenceFiguresAdded, licenceFiguresChanged } from './agreements.figures.repository.js';
import { agreementAdded, agreementChanged, insertReceipt } from './agreements.months.repository.js';

/** A record naming an organisation, by the platform it belongs to (the organisations' keeping rule). */
type OrgPlatform = { organisationId: string; platformId: string };

/** An agreement as stored. */
export type AgreementRow = Selectable<AgreementsTable>;

/** An agreement as the module works with it (bigint money as a number, string unions typed). */
export interface Agreement
  extends Omit<
    RowValue<AgreementsTable>,
    'kind' | 'licenceKind' | 'exclusivity' | 'cradaClass' | 'terminationReason' | 'contractValueMinor'
  > {
  kind: AgreementKind;
  licenceKind: LicenceKind | null;
  exclusivity: Exclusivity | null;
  cradaClass: (typeof CRADA_CLASSES)[number] | null;
  terminationReason: (typeof TERMINATION_REASONS)[number] | null;
  contractValueMinor: number | null;
}
export type AgreementIpLink = RowValue<AgreementIpTable>;
export interface Receipt extends Omit<RowValue<ReceiptsTable>, 'category'> {
  category: ReceiptCategory;
}
export interface Distribution extends Omit<RowValue<DistributionsTable>, 'recipientKind'> {
  recipientKind: 'inventor' | 'unit' | 'platform';
}
/** A platform's distribution rule with its values as stored (its audit entries keep them so). */
export type DistributionRule = RowValue<DistributionRulesTable>;

const toAgreement = (row: AgreementRow): Agreement => {
  const a = camelRow(row);
  return {
    ...(a as Omit<Agreement, 'contractValueMinor'>),
    contractValueMinor: a.contractValueMinor === null ? null : Number(a.contractValueMinor),
  };
};
/** The stored row of an agreement (the monthly rows and licence figures move by rows). */
export const agreementRow = (a: Agreement) => insertRow<AgreementsTable>(a) as AgreementRow;
const toReceipt = (row: Selectable<ReceiptsTable>): Receipt => {
  const r = camelRow(row);
  return { ...r, category: r.category as ReceiptCategory, amountMinor: Number(r.amountMinor) };
};
const toDistribution = (row: Selectable<DistributionsTable>): Distribution => {
  const d = camelRow(row);
  return {
    ...d,
    recipientKind: d.recipientKind as Distribution['recipientKind'],
    amountMinor: Number(d.amountMinor),
  };
};

// ---- agreements and their IP links

export async function findAgreement(db: Kysely<DB>, id: string): Promise<Agreement | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAgreement(row);
}

export async function agreementRefTaken(db: Kysely<DB>, platformId: string, refNo: string): Promise<boolean> {
  const taken = await db
    .selectFrom('agreements')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('ref_no', '=', refNo)
    .executeTakeFirst();
  return !!taken;
}

export async function insertAgreement(db: Kysely<DB>, a: Agreement, links: AgreementIpLink[]) {
  const row = agreementRow(a);
  await db.insertInto('agreements').values(row).execute();
  if (links.length)
    await db
      .insertInto('agreement_ip')
      .values(links.map(insertRow<AgreementIpTable>))
      .execute();
  await agreementAdded(db, row);
  await licenceFiguresAdded(db, row);
}

/** Writes every column but the identity ones; its monthly rows (ADR 0043) and licence figures (ADR 0049) move with it. */
export async function updateAgreementRow(db: Kysely<DB>, seam: DialectSeam, a: Agreement): Promise<void> {
  const row = agreementRow(a);
  const { id, platform_id: _p, created_at: _c, ...patch } = row;
  await agreementChanged(db, seam, row, async () => {
    await db.updateTable('agreements').set(patch).where('id', '=', id).execute();
  });
  await licenceFiguresChanged(db, row);
}

/** A platform's agreements of a kind whose reference or title contains q; newest executed first. */
export async function agreementPage(
  db: Kysely<DB>,
  platformId: string,
  q: {
    kind?: string;
    /** Any of these kinds (the licences and options a project links). */
    kinds?: readonly string[];
    q?: string | undefined;
    executedFrom?: string;
    executedTo?: string;
    limit: number;
    offset: number;
  },
) {
  let base = db.selectFrom('agreements').where('platform_id', '=', platformId);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.kinds) base = base.where('kind', 'in', [...q.kinds]);
  if (q.executedFrom) base = base.where('execution_date', '>=', q.executedFrom);
  if (q.executedTo) base = base.where('execution_date', '<=', q.executedTo);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(lower(${sql.ref('ref_no')}) like ${like} escape '\\' or lower(${sql.ref('title')}) like ${like} escape '\\')`,
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('execution_date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { rows: rows.map(toAgreement), total };
}

/** The IP records an agreement covers, in the order they were linked. */
export async function agreementIpLinks(db: Kysely<DB>, agreementId: string): Promise<AgreementIpLink[]> {
  const rows = await db
    .selectFrom('agreement_ip')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  return rows.map(camelRow);
}

// ---- receipts and their distribution

export async function receiptsOf(db: Kysely<DB>, agreementId: string): Promise<Receipt[]> {
  const rows = await db
    .selectFrom('receipts')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('received_date')
    .orderBy('id')
    .execute();
  return rows.map(toReceipt);
}

export async function distributionsOf(
  db: Kysely<DB>,
  receiptIds: readonly string[],
): Promise<Distribution[]> {
  if (!receiptIds.length) return [];
  const rows = await db
    .selectFrom('distributions')
    .selectAll()
    .where('receipt_id', 'in', [...receiptIds])
    .orderBy('id')
    .execute();
  return rows.map(toDistribution);
}

export async function insertDistributions(db: Kysely<DB>, parts: Distribution[]): Promise<void> {
  if (parts.length)
    await db
      .insertInto('distributions')
      .values(parts.map(insertRow<DistributionsTable>))
      .execute();
}

/** Records a receipt of the agreement and adds it to its month (agreements.months.repository). */
export async function recordReceipt(
  db: Kysely<DB>,
  seam: DialectSeam,
  receipt: Receipt,
  agreement: Agreement,
): Promise<void> {
  await insertReceipt(
    db,
    seam,
    insertRow<ReceiptsTable>(receipt) as Selectable<ReceiptsTable>,
    agreementRow(agreement),
  );
}

/** The sum of the agreement's other receipts in the currency received in the calendar year. */
export async function receivedInYear(
  db: Kysely<DB>,
  r: { agreementId: string; currency: string; year: string; exceptReceiptId: string },
): Promise<number> {
  const ytd = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.sum<number | string | null>('amount_minor').as('s'))
    .where('agreement_id', '=', r.agreementId)
    .where('currency', '=', r.currency)
    .where('received_date', '>=', `${r.year}-01-01`)
    .where('received_date', '<=', `${r.year}-12-31`)
    .where('id', '!=', r.exceptReceiptId)
    .executeTakeFirstOrThrow();
  return Number(ytd.s ?? 0);
}

export async function distributionRuleOf(
  db: Kysely<DB>,
  platformId: string,
): Promise<DistributionRule | undefined> {
  const row = await db
    .selectFrom('distribution_rules')
    .selectAll()
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return row && camelRow(row);
}

/** Inserts the platform's rule, or replaces it when `exists`. */
export async function saveDistributionRule(db: Kysely<DB>, rule: DistributionRule, exists: boolean) {
  const row = insertRow<DistributionRulesTable>(rule);
  if (exists) {
    const { platform_id: _p, ...patch } = row;
    await db
      .updateTable('distribution_rules')
      .set(patch)
      .where('platform_id', '=', row.platform_id)
      .execute();
  } else await db.insertInto('distribution_rules').values(row).execute();
}

/** How many distributions pay the person (they keep the person on file). */
export async function distributionCountOfPerson(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('distributions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The platform of every agreement with the organisation as partner (one entry an agreement). */
export async function agreementPlatformsWithPartner(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<OrgPlatform[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreements')
    .select(['partner_org_id as organisationId', 'platform_id as platformId'])
    .where('partner_org_id', 'in', organisationIds)
    .execute();
  return rows as OrgPlatform[];
}

/** How many agreements name the unit (a unit they name is kept: the agreement rollups are kept by unit). */
export async function agreementCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
