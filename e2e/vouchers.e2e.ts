import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogPrice } from '../common/services.js';
import { createOrg } from '../server/modules/orgs/orgs.service.js';
import { personOfUser } from '../server/modules/people/people.lookup.js';
import {
  createPerson,
  organisationOfAccount,
  updatePerson,
} from '../server/modules/people/people.service.js';
import { createRequest } from '../server/modules/services/services.requests.js';
import { listServices } from '../server/modules/services/services.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { findUserIdByUsername } from '../server/modules/users/users.service.js';
import { createScheme } from '../server/modules/vouchers/vouchers.service.js';
import { confirmedRequest, drawer, modal, numberInput, pick, submitDialog } from './antd-support.js';
import { expectAccessible } from './axe.js';
import {
  confirmMove,
  quote,
  rate,
  requestState,
  signedInPages,
  uploadReport,
  usd,
} from './services-support.js';
import { navLabels, poll, type Stack, startStack } from './support.js';

/**
 * Innovation vouchers in Chinese (issue 14 "Done means", without needs): the supervisor opens a scheme
 * whose voucher pays 60 %, the SME applies and is issued a voucher, pays 60 % of a quote with it, gets the
 * report and rates it (the provider quotes, signs the contract, starts and uploads the report from its
 * queue in between); the provider redeems with proof; the month's settlement shows it, with its
 * statement as XLSX and PDF; the fraud signals page shows the evidence of the price above the catalog.
 */
let stack: Stack;
let supervisor: Page;
let enterprise: Page;
let provider: Page;
const problems: string[][] = [];
const SCHEME = '马里兰州科技创新券（演示）';
let requestId: string;
let priceMinor: number;

beforeAll(async () => {
  stack = await startStack();
  const ctx = stack.ctx;
  const platformId = stack.platformId;
  // The enterprise account's organisation (linked here if the demo has none).
  const entId = (await findUserIdByUsername(ctx.db, 'enterprise'))!;
  if (!(await organisationOfAccount(ctx.db, entId))) {
    const org = await createOrg(ctx, {
      nameZh: '马里兰精密部件有限公司',
      nameEn: 'Maryland Precision Parts (illustrative)',
      type: 'enterprise',
      enterpriseSize: 'sme',
      country: 'US',
    });
    const person = await personOfUser(ctx.db, entId);
    if (person) await updatePerson(ctx, person.id, { organisationId: org.id });
    else
      await createPerson(ctx, { nameZh: '黄欣', nameEn: 'Huang Xin', userId: entId, organisationId: org.id });
  }
  await createScheme(ctx, platformId, {
    nameZh: SCHEME,
    nameEn: 'Maryland innovation vouchers (demo)',
    currency: 'USD',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    lottery: false,
    rules: {
      eligibility: {
        sizes: ['micro', 'small', 'medium'],
        regions: [],
        fieldIds: [],
        minYearsRegistered: 1,
        maxYearsRegistered: null,
      },
      sharePercent: { default: 60, byRegion: {}, localProviderBonus: 0, max: 80 },
      caps: { perEnterprisePerYearMinor: 5_000_000, perControllerPerYearMinor: 10_000_000 },
      providers: [],
      serviceKinds: ['testing', 'calibration'],
    },
  });
  // A request of the enterprise for SRM-based testing, quoted at twice the catalog price.
  const service = (await listServices(ctx, platformId, { page: 1, pageSize: 50 }, false)).items.find(
    (s) => s.nameEn === 'SRM-based composition testing',
  )!;
  const ent = { ...ctx, actor: (await loadActor(ctx.db, entId, 'session', ['read', 'write']))! };
  requestId = (
    await createRequest(ent, service.id, {
      description: '测定 2 个铝合金样品的成分（创新券）',
      quantity: 2,
      wantedBy: null,
    })
  ).id;
  priceMinor = 2 * catalogPrice(service.priceRule, service.priceMinor, 2);

  ({ supervisor, enterprise, provider } = await signedInPages(
    stack,
    { supervisor: 'supervisor', enterprise: 'enterprise', provider: 'platformadmin' },
    problems,
  ));
});
afterAll(async () => {
  await stack?.close();
});

describe('innovation vouchers, in Chinese', () => {
  it('the supervisor reads the scheme’s rules and opens it', async () => {
    expect(await navLabels(supervisor)).toEqual(
      expect.arrayContaining(['创新券方案', '创新券兑付', '创新券结算', '创新券风险信号']),
    );
    await supervisor.goto(`/vouchers/schemes?platform=${stack.platformId}`);
    const row = supervisor.locator('tr', { hasText: SCHEME });
    await poll(() => row.textContent()).toContain('草稿');
    await row.getByRole('button', { name: '展开行' }).click();
    await poll(() => supervisor.getByTestId('scheme-rules').textContent()).toContain('默认 60%');
    const opened = await confirmedRequest(
      supervisor,
      row.getByRole('button', { name: '开放申领' }),
      '确定',
      /\/state$/,
    );
    expect(opened.status()).toBe(200);
    await poll(() => row.textContent()).toContain('申领中');
  });

  it('the SME applies; the supervisor issues; the SME sees its balance and ledger', async () => {
    expect(await navLabels(enterprise)).toEqual(expect.arrayContaining(['我的创新券']));
    await enterprise.goto('/vouchers/mine');
    await enterprise.locator('tr', { hasText: SCHEME }).getByRole('button', { name: '申领创新券' }).click();
    await numberInput(enterprise, 'voucher-amount').fill('5000');
    await pick(enterprise, 'size', '小型企业');
    const form = modal(enterprise);
    await form.getByLabel('地区').fill('蒙哥马利县');
    await form.getByLabel('成立日期').fill('2015-06-01');
    await form.getByLabel('成立日期').press('Tab');
    await form.getByLabel('实际控制人', { exact: true }).fill('黄欣');
    await form.getByLabel('实际控制人身份证号或统一社会信用代码').fill('91370100MA3C000001');
    const applied = await submitDialog(enterprise, '提交', 'POST', /\/applications$/);
    expect(applied.status()).toBe(201);

    await supervisor.reload();
    const application = supervisor.getByTestId('scheme-vouchers').locator('tr', { hasText: '黄欣' });
    await poll(() => application.textContent()).toContain('已申领');
    const issued = await confirmedRequest(
      supervisor,
      application.getByRole('button', { name: '发放' }),
      '确定',
      /\/decision$/,
    );
    expect(issued.status()).toBe(200);
    await poll(() => application.textContent()).toContain('已发放');

    await enterprise.reload();
    await poll(() => enterprise.getByTestId('voucher-balance').textContent()).toBe(`余额：${usd(500_000)}`);
    await enterprise
      .locator('tr', { hasText: SCHEME })
      .first()
      .getByRole('button', { name: '展开行' })
      .click();
    await poll(() => enterprise.getByTestId('voucher-ledger').textContent()).toContain('发放');
  });

  it('the provider quotes twice the catalog price from its queue', async () => {
    await provider.goto(`/services/queue?platform=${stack.platformId}&request=${requestId}`);
    await poll(() => requestState(provider)).toBe('已提交');
    const quoted = await quote(provider, String(priceMinor / 100), '2099-01-31', '检测报告交付后付清');
    expect(quoted.status()).toBe(200);
    expect(await quoted.json()).toMatchObject({ state: 'quoted', quote: { priceMinor } });
  });

  it('the SME pays 60 % of the quote with the voucher, gets the report and rates it', async () => {
    await enterprise.goto('/services/requests');
    await enterprise
      .locator('tr', { hasText: usd(priceMinor) })
      .getByTestId('request-row')
      .click();
    await pick(
      enterprise,
      drawer(enterprise).getByTestId('request-voucher-choice').locator('.ant-select'),
      '余额',
    );
    const used = enterprise.waitForResponse((r) => /\/voucher$/.test(new URL(r.url()).pathname));
    await drawer(enterprise).getByRole('button', { name: '使用创新券抵扣' }).click();
    expect((await used).status()).toBe(201);
    const part = Math.floor((priceMinor * 60) / 100);
    await poll(() => drawer(enterprise).getByTestId('request-voucher').textContent()).toContain(usd(part));
    expect(await drawer(enterprise).getByTestId('request-voucher').textContent()).toContain(
      usd(priceMinor - part),
    );
    await expectAccessible(enterprise, '服务委托详情（企业）');

    const accepted = await confirmMove(enterprise, '接受报价');
    expect(accepted.status()).toBe(200);

    // The unit works the request from its queue: contract, start, the report's upload.
    await provider.goto(`/services/queue?platform=${stack.platformId}`);
    await provider
      .locator('tr', { hasText: usd(priceMinor) })
      .getByTestId('request-row')
      .click();
    await poll(() => requestState(provider)).toBe('已接受报价');
    expect((await confirmMove(provider, '签订合同')).status()).toBe(200);
    await poll(() => requestState(provider)).toBe('已签合同');
    expect((await confirmMove(provider, '开始服务')).status()).toBe(200);
    await poll(() => requestState(provider)).toBe('服务中');
    await uploadReport(provider, '成分检测报告.pdf');
    await poll(() => requestState(provider)).toBe('已交付');

    // The drawer's request is in the address (?request=), so it opens again on reload.
    await enterprise.reload();
    await poll(() => drawer(enterprise).getByTestId('request-report').textContent()).toContain(
      '成分检测报告.pdf',
    );
    const rated = await rate(enterprise, 5, '报告详实，交付及时');
    expect(rated.status()).toBe(200);
    expect(await rated.json()).toMatchObject({ state: 'rated', rating: 5 });
    await poll(() => requestState(enterprise)).toBe('已评价');
  });

  it('the provider redeems with the contract and proof of payment', async () => {
    await provider.goto(`/vouchers/redemptions?platform=${stack.platformId}`);
    const part = Math.floor((priceMinor * 60) / 100);
    const row = provider.locator('tr', { hasText: usd(part) });
    await poll(() => row.textContent()).toContain('待兑付');
    await row.getByRole('button', { name: '兑付' }).click();
    await modal(provider).getByLabel('合同编号').fill('HT-2026-0601');
    await modal(provider).getByLabel('企业自付部分的付款凭证号').fill('PAY-20261206-01');
    const redeemed = await submitDialog(provider, '兑付', 'POST', /\/redeem$/);
    expect(redeemed.status()).toBe(200);
    expect(await redeemed.json()).toMatchObject({
      state: 'redeemed',
      voucherMinor: part,
      paidByEnterpriseMinor: priceMinor - part,
    });
    await poll(() => row.textContent()).toContain('已兑付');
  });

  it('the month’s settlement shows it, with its statement; the signals page shows the evidence', async () => {
    await supervisor.goto(`/vouchers/settlements?platform=${stack.platformId}`);
    await supervisor.getByRole('button', { name: '按月结算' }).click();
    const settled = await submitDialog(supervisor, '结算', 'POST', /\/voucher-settlements$/);
    expect(settled.status()).toBe(201);
    const month = new Date().toISOString().slice(0, 7);
    const part = Math.floor((priceMinor * 60) / 100);
    const row = supervisor.locator('tr', { hasText: month });
    await poll(() => row.textContent()).toContain(usd(part));
    await row.getByRole('button', { name: '展开行' }).click();
    await poll(() => supervisor.getByTestId('settlement-lines').textContent()).toContain('HT-2026-0601');
    const file = supervisor.waitForEvent('download');
    await row.getByRole('button', { name: 'XLSX' }).click();
    expect((await file).suggestedFilename()).toBe(`创新券结算-${month}.xlsx`);
    // The PDF beside it: the same statement in the page's language and the browser's zone.
    const pdf = supervisor.waitForEvent('download');
    const pdfSent = supervisor.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/statement.pdf'));
    await row.getByRole('button', { name: 'PDF' }).click();
    const pdfRes = await pdfSent;
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toBe('application/pdf');
    expect(new URL(pdfRes.url()).searchParams.get('lang')).toBe('zh-CN');
    expect((await pdf).suggestedFilename()).toBe(`创新券结算-${month}.pdf`);

    await supervisor.goto(`/vouchers/signals?platform=${stack.platformId}`);
    const signal = supervisor.getByTestId('fraud-signal').filter({ hasText: '创新券支付的价格高于目录价格' });
    await poll(() => signal.count()).toBe(1);
    expect(await signal.textContent()).toContain(String(priceMinor));
    for (const p of problems) expect(p).toEqual([]);
  });
});
