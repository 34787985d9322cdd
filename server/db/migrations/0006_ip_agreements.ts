import type { Kysely } from 'kysely';

// Frozen once released. The IP pipeline (disclosures, filings, other IP), agreements (licences, options,
// CRADAs, 技术开发/咨询/服务 contracts, transfers, equity), receipts, FX rates, income distribution rules
// and distributions (DOMAIN.md §7; issue 6).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ip_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('field_id', 'text', (c) => c.references('tech_fields.id').onDelete('restrict'))
    .addColumn('ref_no', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('ip_kind', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('funding_source', 'text')
    .addColumn('first_public_disclosure_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ip_disclosures_ref', ['platform_id', 'ref_no'])
    .execute();
  await db.schema
    .createIndex('ip_disclosures_received')
    .on('ip_disclosures')
    .columns(['platform_id', 'received_date'])
    .execute();

  await db.schema
    .createTable('ip_inventors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('disclosure_id', 'text', (c) =>
      c.notNull().references('ip_disclosures.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** Share in basis points (1/100 of a percent); a disclosure's shares sum to 10 000. */
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ip_inventors_disclosure').on('ip_inventors').column('disclosure_id').execute();
  await db.schema.createIndex('ip_inventors_person').on('ip_inventors').column('person_id').execute();

  await db.schema
    .createTable('ip_filings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('disclosure_id', 'text', (c) =>
      c.notNull().references('ip_disclosures.id').onDelete('restrict'),
    )
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('parent_filing_id', 'text')
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('filing_type', 'text', (c) => c.notNull())
    .addColumn('application_number', 'text')
    .addColumn('publication_number', 'text')
    .addColumn('patent_number', 'text')
    .addColumn('filing_date', 'text', (c) => c.notNull())
    .addColumn('priority_date', 'text', (c) => c.notNull())
    .addColumn('publication_date', 'text')
    .addColumn('grant_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('ip_filings_parent', ['parent_filing_id'], 'ip_filings', ['id'], (fk) =>
      fk.onDelete('restrict').deferrable().initiallyDeferred(),
    )
    .addUniqueConstraint('ip_filings_patent_number', ['jurisdiction', 'patent_number'])
    .addUniqueConstraint('ip_filings_application_number', ['jurisdiction', 'application_number'])
    .execute();
  await db.schema.createIndex('ip_filings_disclosure').on('ip_filings').column('disclosure_id').execute();
  await db.schema
    .createIndex('ip_filings_filed')
    .on('ip_filings')
    .columns(['platform_id', 'filing_date'])
    .execute();
  await db.schema
    .createIndex('ip_filings_granted')
    .on('ip_filings')
    .columns(['platform_id', 'grant_date'])
    .execute();

  await db.schema
    .createTable('ip_other_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('disclosure_id', 'text', (c) => c.references('ip_disclosures.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text')
    .addColumn('filing_date', 'text')
    .addColumn('registration_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ip_other_assets_number', ['kind', 'jurisdiction', 'registration_number'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('field_id', 'text', (c) => c.references('tech_fields.id').onDelete('restrict'))
    .addColumn('ref_no', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_kind', 'text')
    .addColumn('exclusivity', 'text')
    .addColumn('crada_class', 'text')
    .addColumn('field_of_use', 'text')
    .addColumn('territory', 'text')
    .addColumn('partner_org_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('restrict'),
    )
    .addColumn('request_date', 'text')
    .addColumn('execution_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('termination_date', 'text')
    .addColumn('termination_reason', 'text')
    .addColumn('contract_value_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agreements_ref', ['platform_id', 'ref_no'])
    .execute();
  // Covers the report's agreement counts (flows and stocks by kind, licence kind and exclusivity).
  await db.schema
    .createIndex('agreements_executed')
    .on('agreements')
    .columns([
      'platform_id',
      'kind',
      'execution_date',
      'end_date',
      'termination_date',
      'licence_kind',
      'exclusivity',
      'partner_org_id',
    ])
    .execute();
  await db.schema.createIndex('agreements_partner').on('agreements').column('partner_org_id').execute();

  await db.schema
    .createTable('agreement_ip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('disclosure_id', 'text', (c) => c.references('ip_disclosures.id').onDelete('restrict'))
    .addColumn('filing_id', 'text', (c) => c.references('ip_filings.id').onDelete('restrict'))
    .addColumn('other_asset_id', 'text', (c) => c.references('ip_other_assets.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('agreement_ip_agreement').on('agreement_ip').column('agreement_id').execute();

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('restrict'))
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Covers the report's receipt sums by period, category, currency and agreement.
  await db.schema
    .createIndex('receipts_received')
    .on('receipts')
    .columns(['platform_id', 'received_date', 'agreement_id', 'category', 'currency', 'amount_minor'])
    .execute();
  await db.schema.createIndex('receipts_agreement').on('receipts').column('agreement_id').execute();

  await db.schema
    .createTable('fx_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('quote_currency', 'text', (c) => c.notNull())
    /** One unit of currency is rate_micros / 1 000 000 units of quote_currency (yearly average). */
    .addColumn('rate_micros', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fx_rates_unique', ['year', 'currency', 'quote_currency'])
    .execute();

  await db.schema
    .createTable('distribution_rules')
    .addColumn('platform_id', 'text', (c) => c.primaryKey().references('platforms.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    /** The first amount of each calendar year's income per agreement goes to the inventors in full. */
    .addColumn('inventor_first_minor', 'bigint', (c) => c.notNull())
    /** Share of the rest to the inventors, in basis points. */
    .addColumn('inventor_share_bp', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id').onDelete('cascade'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('restrict'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('distributions_receipt').on('distributions').column('receipt_id').execute();
  await db.schema
    .createIndex('distributions_date')
    .on('distributions')
    .columns(['platform_id', 'received_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'distributions',
    'distribution_rules',
    'fx_rates',
    'receipts',
    'agreement_ip',
    'agreements',
    'ip_other_assets',
    'ip_filings',
    'ip_inventors',
    'ip_disclosures',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
