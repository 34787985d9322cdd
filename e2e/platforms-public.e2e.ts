import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartText, row } from './platforms-support.js';
import { chooseLanguage, poll, type Stack, signInAs, startStack } from './support.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('public pages (no sign-in)', () => {
  it('opens the comparison from the sign-in page, in Chinese and in English, without being sent to sign in', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/sign-in');
    await page.getByTestId('public-comparison-link').click();
    await poll(() => page.getByTestId('page-title').textContent()).toBe('平台对比');
    expect(new URL(page.url()).pathname).toBe('/public/comparison');
    await poll(() => chartText(page, 'funding-mix')).toContain('美国国家标准与技术研究院');
    expect(await chartText(page, 'funding-mix')).toMatch(/财政拨款.*社会资本.*会员费.*服务收入.*许可收入/);
    expect(await chartText(page, 'radar-gov_institute')).toMatch(/资金.*研发力量.*管理/);
    // The source document's grouping: NIST and AIST are government institutes, SEMATECH the alliance.
    expect(await page.getByTestId('model-gov_institute').textContent()).toMatch(
      /日本产业技术综合研究所.*美国国家标准与技术研究院/,
    );
    expect(await page.getByTestId('model-tech_alliance').textContent()).toContain('半导体制造技术研究联盟');
    expect(await page.getByTestId('comparison-illustrative').textContent()).toContain('示例');
    expect(await row(page, 'comparison-table', '美国国家标准与技术研究院').textContent()).toContain(
      '政府研究机构',
    );
    await page.screenshot({ path: '/tmp/commonlab-comparison.png', fullPage: true });

    await chooseLanguage(page, 'English');
    await poll(() => page.getByTestId('page-title').textContent()).toBe('Platform comparison');
    await poll(() => chartText(page, 'funding-mix')).toContain('NIST *');
    expect(await chartText(page, 'funding-mix')).toMatch(
      /Appropriation.*Social capital.*Member dues.*Service income.*Licence income/,
    );
    expect(await chartText(page, 'radar-ppp_program')).toMatch(/Funding.*R&D capacity.*Management/);
    const nist = row(page, 'comparison-table', 'National Institute of Standards and Technology');
    expect(await nist.textContent()).toContain('Government research institute');
    expect(await nist.textContent()).toContain('Illustrative');
    expect((await nist.locator('td').allTextContents()).slice(3, 6)).toEqual(['3', '3', '3']);
    // Nothing left in Chinese: labels, charts, table, notes.
    expect(await page.getByTestId('comparison').textContent()).not.toMatch(/\p{Script=Han}/u);
    await page.screenshot({ path: '/tmp/commonlab-comparison-en.png', fullPage: true });
    expect(await page.getByTestId('public-sign-in').textContent()).toBe('Sign in');
    expect(new URL(page.url()).pathname).toBe('/public/comparison');
    expect(problems).toEqual([]);
  });

  it('shows NIST’s organisation chart to anyone, without the people', async () => {
    const { page, problems } = await stack.newPage();
    await page.goto('/public/org-chart');
    await poll(() => page.getByTestId('org-chart-title').textContent()).toBe('美国国家标准与技术研究院');
    expect(new URL(page.url()).pathname).toBe(`/public/org-chart/${stack.platformId}`);
    const drawn = await chartText(page, 'org-chart');
    for (const unit of [
      '信息科技实验室',
      '纳米科学与技术中心',
      '通信技术实验室',
      '工程实验室',
      '材料测量实验室',
      'NIST中子研究中心',
      '物理测量实验室',
      '美国商务部',
      '美国国家研究理事会',
      '财政拨款',
    ]) {
      expect(drawn).toContain(unit);
    }
    // Directors are people: anonymous visitors see the unit kinds only.
    expect(drawn).not.toContain('主任');
    expect(await page.getByTestId('org-chart-committee').textContent()).toContain(
      '顶尖学术研究者 2 · 重点实验室管理和研究人员 2 · 产业界人士 2',
    );

    await chooseLanguage(page, 'English');
    await poll(() => chartText(page, 'org-chart')).toContain('Information Technology Laboratory');
    expect(await chartText(page, 'org-chart')).toMatch(
      /U\.S\. Department of Commerce.*Supervising department/,
    );
    expect(await chartText(page, 'org-chart')).toContain('National Research Council');
    expect(problems).toEqual([]);
  });

  it('keeps the signed-in pages for signed-in users', async () => {
    const { page } = await stack.newPage();
    await page.goto('/comparison');
    await poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await signInAs(page, 'researcher');
    await poll(() => new URL(page.url()).pathname).toBe('/comparison');
    await poll(() => chartText(page, 'funding-mix')).toContain('美国国家标准与技术研究院');
  });
});
