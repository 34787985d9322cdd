import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The agreement's partner is a small business (an SME enterprise). A cross read of organisations, which
 * the orgs module owns: it stays here until orgs offers the fragment (docs/adr/0015).
 */
export const smallBusinessPartner = (eb: ExpressionBuilder<DB, 'agreements'>): Expression<SqlBool> =>
  eb.exists(
    eb
      .selectFrom('organisations')
      .select('organisations.id')
      .whereRef('organisations.id', '=', 'agreements.partner_org_id')
      .where('organisations.type', '=', 'enterprise')
      .where('organisations.enterprise_size', '=', 'sme'),
  );
