import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE } from '../../../common/privacy.js';
import { REFUSED_KEEP_DAYS, UNVERIFIED_KEEP_DAYS } from './registrations.cleanup.js';

/**
 * The privacy notice a person agrees to when registering states how long the registration is kept, and
 * the clean-up deletes it then (ADR 0045 "Clean-up"): the figures read from the notice's text in each
 * language are the clean-up's, so a notice and a deletion that say different things fail here.
 */
const stated = {
  'zh-CN': {
    unverified: /链接失效 (\d+) 天后删除/,
    refused: /未通过审核的，于审核决定 (\d+) 天后删除/,
  },
  'en-US': {
    unverified: /deleted (\d+) days after the link expired/,
    refused: /a refused registration, (\d+) days after the decision/,
  },
} as const;

describe('the privacy notice and the registration clean-up', () => {
  for (const locale of ['zh-CN', 'en-US'] as const) {
    it(`state the same keeping periods (${locale})`, () => {
      const text = PRIVACY_NOTICE[locale];
      expect(Number(text.match(stated[locale].unverified)?.[1])).toBe(UNVERIFIED_KEEP_DAYS);
      expect(Number(text.match(stated[locale].refused)?.[1])).toBe(REFUSED_KEEP_DAYS);
      expect(text).not.toMatch(/三年|three years/);
    });
  }
});
