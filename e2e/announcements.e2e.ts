import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedRequest, modal, noModal } from './antd-support.js';
import { expectAccessible } from './axe.js';
import { answerOf, expectStatus, PDF, platformByCode } from './calls-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// 通知公告 and the call's contact person (issue 12): the platform admin writes an announcement, attaches
// its file and publishes it; a visitor finds it on the portal's home and its 通知公告 page and reads the
// contact person of a call; once withdrawn, it is gone from the portal.
let stack: Stack;
const TITLE = '关于开展2027年度共性技术项目申报工作的通知';
const BODY = '各有关单位：现将2027年度项目申报工作有关事项通知如下。';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('通知公告', () => {
  let noticeId = '';

  it('平台管理员撰写、上传附件并发布通知公告', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'platformadmin');
    await page.getByRole('link', { name: '通知公告' }).click();
    await page.waitForURL((u) => u.pathname === '/announcements');
    await page.getByRole('button', { name: '撰写通知公告' }).click();
    const dialog = modal(page);
    await dialog.getByLabel('中文名称').fill(TITLE);
    await dialog.getByLabel('英文名称').fill('Notice on the 2027 generic technology call');
    await dialog.getByLabel('中文正文').fill(BODY);
    await dialog.getByLabel('英文正文').fill('To all institutions: the 2027 call opens as follows.');
    const created = await answerOf(page, 'POST', /\/announcements$/, () =>
      dialog.getByRole('button', { name: '保存' }).click(),
    );
    await expectStatus(created, 201);
    noticeId = ((await created.json()) as { id: string }).id;
    await noModal(page);
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await poll(() => row.textContent()).toContain('草稿');

    const attached = await answerOf(page, 'PUT', /\/attachment$/, () =>
      row
        .locator('input[type=file]')
        .setInputFiles({ name: '申报通知.pdf', mimeType: 'application/pdf', buffer: PDF }),
    );
    await expectStatus(attached, 200);
    await poll(() => row.textContent()).toContain('申报通知.pdf');
    await expectAccessible(page, 'the announcements page');

    const published = await confirmedRequest(
      page,
      row.getByRole('button', { name: '发布' }),
      '发布',
      /\/state$/,
    );
    await expectStatus(published, 200);
    await poll(() => row.textContent()).toContain('已发布');
    expect(problems).toEqual([]);
  }, 120_000);

  it('访客在门户首页和通知公告页看到它，并可下载附件', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/public');
    const section = page.getByTestId('portal-notices');
    await poll(() => section.textContent()).toContain(TITLE);
    await section.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((u) => u.pathname === `/public/notices/${noticeId}`);
    await poll(() => page.getByTestId('notice-body').textContent()).toBe(BODY);
    const file = page.getByRole('link', { name: '申报通知.pdf' });
    expect(await file.getAttribute('href')).toBe(`/api/announcements/${noticeId}/attachment`);
    const res = await page.request.get(`/api/announcements/${noticeId}/attachment`);
    expect(res.status()).toBe(200);
    expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);
    await page.getByRole('link', { name: '全部通知公告' }).click();
    await page.waitForURL((u) => u.pathname === '/public/notices');
    await poll(() => page.getByTestId('notice').first().textContent()).toContain(TITLE);
    await expectAccessible(page, 'the public announcements page');
    expect(problems).toEqual([]);
  }, 120_000);

  it('访客在计划页看到联系人', async () => {
    const atp = await platformByCode(stack, 'ATP');
    const call = await stack.ctx.db
      .selectFrom('calls')
      .select(['id', 'contact_name', 'contact_email'])
      .where('platform_id', '=', atp)
      .where('state', '=', 'published')
      .executeTakeFirstOrThrow();
    const { page } = await stack.newPage();
    await page.goto(`/public/calls/${call.id}`);
    const contact = page.getByTestId('call-contact');
    await poll(() => contact.textContent()).toContain(call.contact_name!);
    expect(await contact.textContent()).toContain('联系人');
    expect(await contact.getByRole('link', { name: call.contact_email! }).getAttribute('href')).toBe(
      `mailto:${call.contact_email}`,
    );
  }, 60_000);

  it('撤回后门户不再显示', async () => {
    const { page } = await stack.newPage();
    await signInAs(page, 'platformadmin');
    await page.goto('/announcements');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    const withdrawn = await confirmedRequest(
      page,
      row.getByRole('button', { name: '撤回' }),
      '撤回',
      /\/state$/,
    );
    await expectStatus(withdrawn, 200);
    await poll(() => row.textContent()).toContain('已撤回');
    const visitor = (await stack.newPage()).page;
    await visitor.goto('/public/notices');
    await visitor.getByTestId('notices-page').waitFor();
    // The demo's notices are still listed; the withdrawn one is not.
    await visitor.getByTestId('notice').first().waitFor();
    expect(await visitor.getByTestId('notices-page').textContent()).not.toContain(TITLE);
    expect((await visitor.request.get(`/api/announcements/${noticeId}`)).status()).toBe(404);
  }, 120_000);
});
