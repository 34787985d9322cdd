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
import { parts, toUtc, zonedTime } from './time.js';

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
    expect(zonedTime('2026-12-01T09:30:00.000Z', 'en-US')).toMatch(/2026.*\d{2}:30.*(UTC|GMT|[A-Z]{2,5})/);
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
