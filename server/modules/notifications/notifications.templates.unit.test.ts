import { describe, expect, it } from 'vitest';
import { linkPath, localeOf, render, TEMPLATES } from './notifications.templates.js';

const params = {
  callCode: 'AM-1',
  callTitleZh: '先进制造计划',
  callTitleEn: 'Advanced manufacturing',
  previousClosesAt: '2026-07-01T01:00:00.000Z',
  closesAt: '2026-07-08T01:00:00.000Z',
  reason: 'Holiday',
};

describe('notification texts', () => {
  it("writes the recipient's language, picking the *Zh / *En parameter and showing times in UTC", () => {
    expect(render('call.deadline_extended', params, 'zh-CN')).toEqual({
      subject: '截止时间延长：先进制造计划',
      body: '计划“先进制造计划”（AM-1）的申报截止时间已由 2026-07-01 01:00 UTC 延长至 2026-07-08 01:00 UTC。原因：Holiday',
    });
    expect(render('call.deadline_extended', params, 'en-US').subject).toBe(
      'Deadline extended: Advanced manufacturing',
    );
  });

  it('falls back to the other language, a dash for a missing value, and a generic text for an unknown kind', () => {
    expect(render('call.closed', { callCode: 'X', callTitleEn: 'Only English' }, 'zh-CN').subject).toBe(
      '计划已截止：Only English',
    );
    expect(render('application.rejected', { number: 'A-1' }, 'en-US').body).toContain('Reason: —');
    expect(render('something.new', {}, 'en-US').subject).toBe('You have a new notification');
    expect(render('application.member_declined', { application: 'R-7' }, 'zh-CN').subject).toBe(
      '参与单位已拒绝：R-7',
    );
  });

  it('has every kind in both languages with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [kind, t] of Object.entries(TEMPLATES)) {
      expect(names(t['zh-CN'].body + t['zh-CN'].subject), kind).toEqual(
        names(t['en-US'].body + t['en-US'].subject),
      );
    }
  });

  it('links to the entity and reads unknown locales as Chinese', () => {
    expect(linkPath('call', 'abc')).toBe('/calls/abc');
    expect(linkPath('call', null)).toBeNull();
    // An invitation to review is answered in the expert's list, not on the (not yet accepted) seat.
    expect(linkPath('review_assignment', 'seat-1')).toBe('/my-reviews');
    // An officer's news of a call's seats opens the call's review on its assignment tab.
    expect(linkPath('call_review', 'call-1')).toBe('/review/call-1?tab=assignment');
    expect(linkPath('call_review', null)).toBeNull();
    expect(linkPath('unknown', 'abc')).toBeNull();
    expect(localeOf('en-US')).toBe('en-US');
    expect(localeOf('fr-FR')).toBe('zh-CN');
  });
});
