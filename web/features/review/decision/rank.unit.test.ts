import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../../i18n/zh-CN.js';
import { rankText } from './CutoffExplanation.js';

describe('rank shown on the decision tab (issue 12 item 11)', () => {
  it('never prints the sort key of an application without a score', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', fallbackLng: false, resources: { 'zh-CN': { translation: zhCN } } });
    const t = i18n.t.bind(i18n);
    expect(rankText(t, 3)).toBe('3');
    expect(rankText(t, 1_000_000)).toBe('未排名（尚无评分）');
    expect(rankText(t, 1_000_004)).not.toMatch(/\d/);
  });
});
