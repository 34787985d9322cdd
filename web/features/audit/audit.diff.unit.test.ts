import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { auditDiff, fieldLabel } from './audit.diff.js';

async function tOf(lng: 'zh-CN' | 'en-US') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    fallbackLng: false,
  });
  return i18n.t.bind(i18n);
}

describe('the audit log’s before/after diff (issue 12 item 13)', () => {
  it('names fields in the reader’s language, whatever shape the module recorded them in', async () => {
    const zh = await tOf('zh-CN');
    const en = await tOf('en-US');
    expect(fieldLabel(zh, 'title_zh')).toBe('标题（中文）');
    expect(fieldLabel(en, 'titleEn')).toBe('Title (English)');
    expect(fieldLabel(zh, 'requested_total_minor')).toBe('申请经费');
    expect(fieldLabel(zh, 'screening_checklist_json')).toBe('形式审查清单');
    expect(fieldLabel(en, 'reportSha256')).toBe('Report checksum (SHA-256)');
    expect(fieldLabel(zh, 'isSystemAdmin')).toBe('系统管理员');
    // No words are guessed: an unknown field is shown by its code.
    expect(fieldLabel(zh, 'frobnicate')).toBeNull();
    expect(fieldLabel(zh, 'frobnicateZh')).toBeNull();
  });

  it('marks the changed (and added) fields and puts them first; a record created or removed changes nothing', async () => {
    const zh = await tOf('zh-CN');
    const rows = auditDiff(
      zh,
      { username: 'newbie', roles: ['researcher'], disabled: false },
      { username: 'newbie', roles: ['researcher', 'applicant'], disabled: true, locale: 'zh-CN' },
    );
    expect(rows.map((r) => [r.label, r.changed])).toEqual([
      ['角色', true],
      ['已停用', true],
      ['语言', true],
      ['用户名', false],
    ]);
    expect(rows[0]).toMatchObject({ before: ['researcher'], after: ['researcher', 'applicant'] });
    // An update that records only what it touched: the fields only before were left as they were.
    const update = auditDiff(
      zh,
      { displayName: 'A', email: 'a@example.org', disabledAt: null },
      { disabledAt: '2026-12-06T10:00:00.000Z' },
    );
    expect(update.map((r) => [r.field, r.changed, r.inAfter])).toEqual([
      ['disabledAt', true, true],
      ['displayName', false, false],
      ['email', false, false],
    ]);
    expect(update[0]!.label).toBe('停用时间');
    expect(auditDiff(zh, null, { username: 'x' })).toEqual([
      {
        field: 'username',
        label: '用户名',
        before: undefined,
        after: 'x',
        inBefore: false,
        inAfter: true,
        changed: false,
      },
    ]);
    expect(auditDiff(zh, { state: 'draft' }, null).map((r) => r.changed)).toEqual([false]);
    expect(auditDiff(zh, [1], [2])).toEqual([
      { field: '', label: null, before: [1], after: [2], inBefore: true, inAfter: true, changed: true },
    ]);
  });
});
