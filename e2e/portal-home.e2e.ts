import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { poll, type Stack, startStack } from './support.js';

/** The public portal's home at /public (issue 12 item 4), for a visitor who has not signed in. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('public portal home', () => {
  it('shows open calls with deadlines, results, the platforms and the search, without signing in', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/public');
    await page.getByTestId('portal-home').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('共性技术服务平台');

    const open = (await (await page.request.get('/api/calls?status=open&pageSize=5')).json()) as {
      items: { titleZh: string }[];
    };
    await poll(() => page.getByTestId('portal-call').count()).toBe(open.items.length);
    if (open.items.length > 0) {
      const calls = await page.getByTestId('portal-calls').textContent();
      expect(calls).toContain(open.items[0]!.titleZh);
      expect(calls).toContain('截止时间');
    }
    const platforms = (await (await page.request.get('/api/platforms')).json()) as { items: unknown[] };
    await poll(() => page.getByTestId('portal-platform').count()).toBe(platforms.items.length);
    await poll(async () => (await page.getByTestId('portal-result').count()) > 0).toBe(true);
    await expectAccessible(page, 'the portal home');
    // 通知公告: the latest published notices (the demo's, newest first), each a link to its page.
    const notices = (await (await page.request.get('/api/announcements?pageSize=5')).json()) as {
      items: { titleZh: string }[];
    };
    expect(notices.items.length).toBeGreaterThan(0);
    await poll(() => page.getByTestId('portal-notice').allTextContents()).toEqual(
      notices.items.map((n) => expect.stringContaining(n.titleZh)),
    );

    await page.getByTestId('portal-search').locator('input').fill('传感器');
    await page.getByTestId('portal-search').locator('input').press('Enter');
    await page.waitForURL((u) => u.pathname === '/public/results' && u.searchParams.get('q') === '传感器');
    expect(problems).toEqual([]);
  });

  it('links 开放数据: datasets, dumps with sizes and checksums, the dictionary, the licence and curl examples', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/public');
    await page.getByRole('link', { name: '开放数据' }).click();
    await page.waitForURL((u) => u.pathname === '/public/open-data');
    await page.getByTestId('open-data-page').waitFor();
    const manifest = (await (await page.request.get('/api/open/v1/dumps')).json()) as {
      files: { name: string; sha256: string }[];
    };
    const dumps = page.getByTestId('open-data-dumps');
    await poll(() => dumps.locator('tbody tr.ant-table-row').count()).toBe(manifest.files.length);
    const text = await dumps.textContent();
    for (const f of manifest.files) {
      expect(text).toContain(f.name);
      expect(text).toContain(f.sha256);
    }
    expect(await page.getByTestId('open-data-licence').textContent()).toContain('CC-BY-4.0');
    expect(await page.getByTestId('open-data-examples').textContent()).toContain('curl ');
    expect(await page.getByTestId('open-data-datasets').textContent()).toContain('/api/open/v1/projects');
    await page.getByRole('button', { name: 'calls' }).click();
    await poll(async () =>
      (await page.getByTestId('open-data-dictionary').textContent())?.includes('titleZh'),
    ).toBe(true);
    expect(problems).toEqual([]);
  });

  it('answers the app for page URLs whatever the Accept header, and problem+json under /api', async () => {
    for (const accept of ['*/*', 'application/json']) {
      const res = await fetch(`${stack.baseUrl}/public`, { headers: { accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    const api = await fetch(`${stack.baseUrl}/api/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
