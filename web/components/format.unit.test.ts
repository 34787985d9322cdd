import { describe, expect, it } from 'vitest';
import { enUSWords } from '../i18n/words.js';
import {
  APPLICATION_STATES_SHOWN,
  CALL_STATES_SHOWN,
  COST_CATEGORIES_SHOWN,
  CRITERIA_SHOWN,
  RULE_LABELS,
  SHARED_LABELS,
} from './labels.js';
import { currencyDigits, money } from './money.js';
import { formatTime, parts, toUtc, zonedTime } from './time.js';

describe('money of calls and applications', () => {
  it('knows the minor-unit digits of a currency', () => {
    expect([currencyDigits('CNY'), currencyDigits('USD'), currencyDigits('JPY')]).toEqual([2, 2, 0]);
  });

  it('formats minor units in the viewer language', () => {
    expect(money(123_456_78, 'CNY', 'en-US')).toBe('CN¥123,456.78');
    expect(money(500, 'JPY', 'en-US')).toBe('¥500');
  });
});

describe('deadline arithmetic', () => {
  it('splits a duration into days, hours, minutes and seconds', () => {
    expect(parts(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({ d: 2, h: 3, m: 4, s: 5 });
  });

  it('names the time zone of a shown time', () => {
    expect(zonedTime('2026-12-01T09:30:00.000Z', 'en-US')).toMatch(
      /2026.*\d:30.*(UTC|GMT|[A-Z]{2,5}|Beijing time)/,
    );
    // One format per language, in the viewer's zone, Beijing's named as people in China say it.
    expect(formatTime('2026-12-05T22:31:26.774Z', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026-12-06 06:31 北京时间',
    );
    expect(formatTime('2026-12-05T22:31:26.774Z', 'en-US', 'Asia/Shanghai')).toBe(
      'Dec 6, 2026, 6:31 AM Beijing time',
    );
    expect(formatTime('2026-12-05T22:31:26.774Z', 'zh-CN', 'UTC')).toBe('2026-12-05 22:31 UTC');
    expect(formatTime('2026-07-01T12:00:00.000Z', 'en-US', 'Europe/Berlin')).toBe(
      'Jul 1, 2026, 2:00 PM GMT+2',
    );
    expect(zonedTime).toBe(formatTime);
    expect(zonedTime(null, 'zh-CN')).toBe('—');
  });

  it('never shows negative time left', () => {
    expect(parts(-5000)).toEqual({ d: 0, h: 0, m: 0, s: 0 });
  });

  it('sends the picked local time as UTC', () => {
    const local = { toDate: () => new Date(Date.UTC(2026, 11, 1, 9, 30)) } as Parameters<typeof toUtc>[0];
    expect(toUtc(local)).toBe('2026-12-01T09:30:00.000Z');
    expect(toUtc(null)).toBeUndefined();
  });
});

describe('labels of calls and applications', () => {
  it('are the shared English labels, so the catalog covers what the server names', () => {
    expect(CALL_STATES_SHOWN).toEqual(SHARED_LABELS.CALL_STATE_LABELS);
    // A word with two meanings is shown through its namespaced key, whose English is the shared label.
    const english = Object.fromEntries(
      Object.entries(APPLICATION_STATES_SHOWN).map(([state, key]) => [state, enUSWords[key] ?? key]),
    );
    expect(english).toEqual(SHARED_LABELS.APPLICATION_STATE_LABELS);
    expect(COST_CATEGORIES_SHOWN).toEqual(SHARED_LABELS.COST_CATEGORY_LABELS);
    expect(CRITERIA_SHOWN).toEqual(SHARED_LABELS.CRITERION_LABELS);
    expect(RULE_LABELS).toEqual(SHARED_LABELS.ELIGIBILITY_RULE_LABELS);
  });
});
