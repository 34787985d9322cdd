import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOptions } from '../../../common/export-options.js';
import { download, sendFile } from '../../files/download.js';
import { PDF_TYPE } from '../../files/pdf.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  listRedemptions,
  listSettlements,
  redeem,
  settleMonth,
  settlementDetail,
  useVoucher,
} from './vouchers.redemptions.js';
import {
  applyBody,
  decisionBody,
  fraudSignals as fraudSignalsView,
  idParams,
  lotteryBody,
  platformParams,
  redeemBody,
  redemptionList,
  redemptionsQuery,
  redemptionView,
  requestParams,
  schemeBody,
  schemeList,
  schemeStateBody,
  schemeView,
  settleBody,
  settlementList,
  settlementView,
  useBody,
  voucherList,
  vouchersQuery,
  voucherView,
} from './vouchers.schema.js';
import {
  applyForVoucher,
  createScheme,
  decideVoucher,
  drawLottery,
  getVoucher,
  listSchemes,
  listVouchers,
  setSchemeState,
  updateScheme,
} from './vouchers.service.js';
import { fraudSignals } from './vouchers.signals.js';
import { settlementStatement, settlementStatementPdf } from './vouchers.statement.js';

/** Innovation vouchers (创新券, issue 14; docs/vouchers.md). */
export async function vouchersRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['vouchers'];
  const r = <S extends object>(summary: string, extra: S) => ({ schema: { tags, summary, ...extra } });

  app.get(
    '/api/public/platforms/:platformId/voucher-schemes',
    {
      // Open and closed schemes are public policy (docs/vouchers.md "Who sees schemes").
      config: { public: true },
      schema: {
        tags: ['public-portal'],
        summary:
          'Open and closed voucher schemes of a platform: their rules, validity and draws (no sign-in)',
        params: platformParams,
        response: { 200: schemeList, ...problemResponses },
      },
    },
    async (q) => listSchemes({ ...ctxOf(q), actor: null }, q.params.platformId),
  );
  app.get(
    '/api/platforms/:platformId/voucher-schemes',
    r("Voucher schemes of a platform: the public list, with drafts for the platform's supervisor", {
      params: platformParams,
      response: { 200: schemeList, ...problemResponses },
    }),
    async (q) => listSchemes(ctxOf(q), q.params.platformId),
  );
  app.post(
    '/api/platforms/:platformId/voucher-schemes',
    r('Set up a voucher scheme as a draft (the supervisor)', {
      params: platformParams,
      body: schemeBody,
      response: { 201: schemeView, ...problemResponses },
    }),
    async (q, reply) => reply.code(201).send(await createScheme(ctxOf(q), q.params.platformId, q.body)),
  );
  app.put(
    '/api/voucher-schemes/:id',
    r('Edit a draft scheme (the supervisor)', {
      params: idParams,
      body: schemeBody,
      response: { 200: schemeView, ...problemResponses },
    }),
    async (q) => updateScheme(ctxOf(q), q.params.id, q.body),
  );
  app.post(
    '/api/voucher-schemes/:id/state',
    r('Open or close a scheme (the supervisor)', {
      params: idParams,
      body: schemeStateBody,
      response: { 200: schemeView, ...problemResponses },
    }),
    async (q) => setSchemeState(ctxOf(q), q.params.id, q.body.to),
  );
  app.post(
    '/api/voucher-schemes/:id/lottery',
    r('Draw the lottery among applications with a published seed (the supervisor)', {
      params: idParams,
      body: lotteryBody,
      response: { 200: schemeView, ...problemResponses },
    }),
    async (q) => drawLottery(ctxOf(q), q.params.id, q.body.seed, q.body.winners),
  );
  app.post(
    '/api/voucher-schemes/:id/applications',
    r("Apply for a voucher for the caller's enterprise", {
      params: idParams,
      body: applyBody,
      response: { 201: voucherView, ...problemResponses },
    }),
    async (q, reply) => reply.code(201).send(await applyForVoucher(ctxOf(q), q.params.id, q.body)),
  );
  app.get(
    '/api/vouchers',
    r("The caller's enterprise's vouchers (view=mine) or the platform's (view=all)", {
      querystring: vouchersQuery,
      response: { 200: voucherList, ...problemResponses },
    }),
    async (q) => listVouchers(ctxOf(q), q.query),
  );
  app.get(
    '/api/vouchers/:id',
    r('One voucher with its ledger', {
      params: idParams,
      response: { 200: voucherView, ...problemResponses },
    }),
    async (q) => getVoucher(ctxOf(q), q.params.id),
  );
  app.post(
    '/api/vouchers/:id/decision',
    r('Issue or refuse an application (the supervisor)', {
      params: idParams,
      body: decisionBody,
      response: { 200: voucherView, ...problemResponses },
    }),
    async (q) => decideVoucher(ctxOf(q), q.params.id, q.body.action, q.body.reason),
  );
  app.post(
    '/api/service-requests/:requestId/voucher',
    r('Pay part of a quote with a voucher (the enterprise)', {
      params: requestParams,
      body: useBody,
      response: { 201: redemptionView, ...problemResponses },
    }),
    async (q, reply) =>
      reply.code(201).send(await useVoucher(ctxOf(q), q.params.requestId, q.body.voucherId)),
  );
  app.get(
    '/api/voucher-redemptions',
    r('Voucher redemptions the caller takes part in, or all (overseers)', {
      querystring: redemptionsQuery,
      response: { 200: redemptionList, ...problemResponses },
    }),
    async (q) => listRedemptions(ctxOf(q), q.query.platformId),
  );
  app.post(
    '/api/voucher-redemptions/:id/redeem',
    r('Redeem with contract, report and proof of payment (the provider)', {
      params: idParams,
      body: redeemBody,
      response: { 200: redemptionView, ...problemResponses },
    }),
    async (q) => redeem(ctxOf(q), q.params.id, q.body),
  );
  app.get(
    '/api/platforms/:platformId/voucher-settlements',
    r('Monthly settlement batches', {
      params: platformParams,
      response: { 200: settlementList, ...problemResponses },
    }),
    async (q) => listSettlements(ctxOf(q), q.params.platformId),
  );
  app.post(
    '/api/platforms/:platformId/voucher-settlements',
    r("Settle a month's redemptions (the supervisor)", {
      params: platformParams,
      body: settleBody,
      response: { 201: settlementView, ...problemResponses },
    }),
    async (q, reply) => reply.code(201).send(await settleMonth(ctxOf(q), q.params.platformId, q.body.month)),
  );
  app.get(
    '/api/voucher-settlements/:id',
    r('A settlement batch with its statement lines', {
      params: idParams,
      response: { 200: settlementView, ...problemResponses },
    }),
    async (q) => settlementDetail(ctxOf(q), q.params.id),
  );
  app.get(
    '/api/voucher-settlements/:id/statement.xlsx',
    r('The statement of a settlement batch as XLSX: one sheet per scheme with its total (overseers)', {
      params: idParams,
      response: {
        200: download(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'One sheet per scheme of the month: a row per redemption and a total row; amounts are numbers',
        ),
        ...problemResponses,
      },
    }),
    async (q, reply) =>
      sendFile(reply.header('cache-control', 'no-store'), await settlementStatement(ctxOf(q), q.params.id)),
  );
  app.get(
    '/api/voucher-settlements/:id/statement.pdf',
    r('The same statement as a printable PDF in `lang`, times in `tz` (overseers)', {
      params: idParams,
      querystring: z.strictObject(exportOptions),
      response: { 200: download(PDF_TYPE, 'A table per scheme with its total row'), ...problemResponses },
    }),
    async (q, reply) =>
      sendFile(
        reply.header('cache-control', 'no-store'),
        await settlementStatementPdf(ctxOf(q), q.params.id, q.query),
      ),
  );
  app.get(
    '/api/platforms/:platformId/voucher-fraud-signals',
    r('Fraud signals with their evidence (the supervisor)', {
      params: platformParams,
      response: { 200: fraudSignalsView, ...problemResponses },
    }),
    async (q) => fraudSignals(ctxOf(q), q.params.platformId),
  );
}
