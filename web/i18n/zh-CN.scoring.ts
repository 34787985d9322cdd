/** Simplified Chinese of the scorecards and the panel (issue 5): error codes and UI text. */
export const zhCNScoring: Record<string, string> = {
  // Error codes
  'Review assignment not found': '未找到该评审任务',
  'Accept the review invitation before scoring': '请先接受评审邀请再评分',
  'Declare that you have no conflict of interest before scoring': '评分前请先声明无利益冲突',
  'The scorecard is submitted and can no longer change': '评分表已提交，不能再修改',
  'The scoring period of this call has ended': '本计划的评分期已结束',
  'The application is not in review': '该申报不在评审阶段',
  "The score is outside the call's scale": '分数超出本计划的评分范围',
  'Write a comment of at least 5 characters': '请填写至少 5 个字的评语',
  'Every criterion needs a score and a comment': '每项指标都需要评分和评语',
  'Each criterion at most once': '每项指标只能出现一次',
  "The minimum is outside the call's scale": '最低分超出本计划的评分范围',
  'Write the panel report in Chinese or English': '请填写中文或英文的评审组意见',
  "Save the call's review settings first": '请先保存本计划的评审设置',
};
