/** The wizard's step marks, the 申报 button's draft question and the applicant's progress (issue 12 item 9). */
export const zhCNApplicationProgress: Record<string, string> = {
  'You already have a draft for this call': '您在本计划下已有未提交的申报书',
  'Continue the draft, or start a new application': '可继续填写已有草稿，或新建一份申报书',
  'Start a new application': '新建申报书',
  'Continue editing': '继续填写',
  'Last saved {{time}}': '最近保存：{{time}}',
  Submission: '提交申报',
  'Formal screening': '形式审查',
};

/** The decision tab's review completeness and the 定稿 question naming what is missing (issue 12 item 11). */
export const zhCNReviewCompleteness: Record<string, string> = {
  '{{title}} (no reviewer)': '《{{title}}》（无评审专家）',
  '{{title}} ({{submitted}}/{{expected}})': '《{{title}}》（{{submitted}}/{{expected}}）',
  '{{list}} and {{n}} more': '{{list}}等，另有 {{n}} 项',
  'Scorecards in: {{submitted}} of {{expected}}': '已提交评分表：{{submitted}} / {{expected}}',
  'Review completeness': '评审完成度',
  'Every application has all its scorecards.': '所有申请的评分表均已提交。',
  'Still missing scorecards: {{list}}': '尚缺评分表：{{list}}',
  'The review is not complete: {{submitted}} of {{count}} scorecards are in. Missing: {{list}}':
    '评审尚未完成：已提交评分表 {{submitted}} / {{count}}。缺少：{{list}}',
};
