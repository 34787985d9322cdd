import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from './privacy.js';

/**
 * The server records the version of the notice a person agreed to, so a version names one text. A change
 * of the text (a keeping period included: the notice reads them from REGISTRATION_KEEP_DAYS) fails here
 * until it gets a new version and its digests are added.
 */
const DIGESTS: Record<string, Record<keyof typeof PRIVACY_NOTICE, string>> = {
  '2026-12-07.2': {
    'zh-CN': '860444cac34c4169c85ccc4304af37386bd7790cba3f0ace7382b5af0f12374d',
    'en-US': '383e48d82601c9cf36d732327e5221fa8126b41b22518cea95288b400facf0cd',
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the privacy notice', () => {
  it('is the text its version names, in both languages', () => {
    expect({
      'zh-CN': sha256(PRIVACY_NOTICE['zh-CN']),
      'en-US': sha256(PRIVACY_NOTICE['en-US']),
    }).toEqual(DIGESTS[PRIVACY_NOTICE_VERSION]);
  });
});
