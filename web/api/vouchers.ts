// Innovation vouchers (创新券, issue 14): schemes, vouchers with their ledger, redemptions, settlements
// and fraud signals. Types are the server's zod schemas.
import type { z } from 'zod';
import type {
  applyBody,
  fraudSignals,
  redeemBody,
  redemptionList,
  redemptionView,
  schemeBody,
  schemeList,
  schemeView,
  settlementList,
  settlementView,
  voucherList,
  voucherView,
} from '../../server/modules/vouchers/vouchers.schema.js';
import { download, request } from './client.js';

export type Scheme = z.infer<typeof schemeView>;
export type SchemeInput = z.input<typeof schemeBody>;
export type Voucher = z.infer<typeof voucherView>;
export type VoucherApplication = z.input<typeof applyBody>;
export type Redemption = z.infer<typeof redemptionView>;
export type RedeemInput = z.input<typeof redeemBody>;
export type Settlement = z.infer<typeof settlementView>;
export type SettlementSummary = z.infer<typeof settlementList>['items'][number];
export type FraudSignal = z.infer<typeof fraudSignals>['items'][number];

const enc = encodeURIComponent;

export const vouchersApi = {
  schemes: (platformId: string) =>
    request<z.infer<typeof schemeList>>('GET', `/api/platforms/${enc(platformId)}/voucher-schemes`),
  createScheme: (platformId: string, body: SchemeInput) =>
    request<Scheme>('POST', `/api/platforms/${enc(platformId)}/voucher-schemes`, { body }),
  updateScheme: (id: string, body: SchemeInput) =>
    request<Scheme>('PUT', `/api/voucher-schemes/${enc(id)}`, { body }),
  setSchemeState: (id: string, to: Scheme['state']) =>
    request<Scheme>('POST', `/api/voucher-schemes/${enc(id)}/state`, { body: { to } }),
  draw: (id: string, seed: string, winners: number) =>
    request<Scheme>('POST', `/api/voucher-schemes/${enc(id)}/lottery`, { body: { seed, winners } }),
  apply: (schemeId: string, body: VoucherApplication) =>
    request<Voucher>('POST', `/api/voucher-schemes/${enc(schemeId)}/applications`, { body }),
  vouchers: (q: { platformId: string; view: 'mine' | 'all'; schemeId?: string }) =>
    request<z.infer<typeof voucherList>>('GET', '/api/vouchers', { query: { ...q } }),
  voucher: (id: string) => request<Voucher>('GET', `/api/vouchers/${enc(id)}`),
  decide: (id: string, action: 'issue' | 'refuse', reason?: string) =>
    request<Voucher>('POST', `/api/vouchers/${enc(id)}/decision`, { body: { action, reason } }),
  use: (requestId: string, voucherId: string) =>
    request<Redemption>('POST', `/api/service-requests/${enc(requestId)}/voucher`, { body: { voucherId } }),
  redemptions: (platformId: string) =>
    request<z.infer<typeof redemptionList>>('GET', '/api/voucher-redemptions', { query: { platformId } }),
  redeem: (id: string, body: RedeemInput) =>
    request<Redemption>('POST', `/api/voucher-redemptions/${enc(id)}/redeem`, { body }),
  settlements: (platformId: string) =>
    request<z.infer<typeof settlementList>>('GET', `/api/platforms/${enc(platformId)}/voucher-settlements`),
  settle: (platformId: string, month: string) =>
    request<Settlement>('POST', `/api/platforms/${enc(platformId)}/voucher-settlements`, { body: { month } }),
  settlement: (id: string) => request<Settlement>('GET', `/api/voucher-settlements/${enc(id)}`),
  statement: (id: string) => download(`/api/voucher-settlements/${enc(id)}/statement.xlsx`),
  /** The same statement as a PDF in the reader's language and zone (server/modules/vouchers/vouchers.statement.ts). */
  statementPdf: (id: string, q: { lang: string; tz: string }) =>
    download(`/api/voucher-settlements/${enc(id)}/statement.pdf`, q),
  signals: (platformId: string) =>
    request<{ items: FraudSignal[] }>('GET', `/api/platforms/${enc(platformId)}/voucher-fraud-signals`),
};
