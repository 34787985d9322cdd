/** Simplified Chinese of 结题验收's task review and financial review (issue 13): error codes and UI text. */
export const zhCNProjectReviews: Record<string, string> = {
  'Only a final acceptance has a task review and a financial review': '只有结题验收才有任务审查和财务审查',
  'This review is already recorded for this report version': '该版本报告的此项审查已记录',
  'Record the task review and the financial review of this report version first':
    '请先记录该版本报告的任务审查和财务审查',
  'The verdict cannot be better than the task review or the financial review':
    '结论不能优于任务审查或财务审查的结论',
  'No audit report with this id was uploaded for this check': '该检查没有上传此审计报告',
  'Task review': '任务审查',
  'Financial review': '财务审查',
  'Review outcome': '审查结论',
  'Review notes': '审查意见',
  Actual: '实际值',
  Finding: '审查认定',
  'Execution rate': '执行率',
  'Approved budget': '批复预算',
  'Audit report': '审计报告',
  'Audit report (optional)': '审计报告（可选）',
  'Category or member': '科目或单位',
  'Over budget': '超支',
  '{{name}} met (target {{target}}, reported {{value}})':
    '{{name}}已达到（目标值 {{target}}，填报值 {{value}}）',
  'Record the task review': '记录任务审查',
  'Record the financial review': '记录财务审查',
};
