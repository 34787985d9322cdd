/** The reports due list of the projects (项目报告), opened from the workbench (issue 12). */
export const zhCNReportsDue: Record<string, string> = {
  'Reports due': '项目报告',
  'Annual report': '年度报告',
  'Interim report': '中期报告',
  'Final report': '结题报告',
  'Not yet due': '待提交',
  'Report overdue': '已逾期',
  'Report submitted': '已提交',
  'Report status': '报告状态',
  'Report kind': '报告类型',
  'Project state': '项目状态',
  'Due on or before {{date}}': '{{date}} 及之前到期',
  'Reports listed: {{n}}': '共 {{n}} 份报告',
};
