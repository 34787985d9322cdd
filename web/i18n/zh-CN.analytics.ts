/** Simplified Chinese of the analytics (issue 15, docs/analytics.md). */
export const zhCNAnalytics: Record<string, string> = {
  'This unit is not one of the units you may analyse': '该单位不在您可查看的统计范围内',
  'Analytics dashboards': '统计看板',
  'Supervisor overview': '主管部门总览',
  'Platform overview': '平台总览',
  'Calls and review pipeline': '指南与评审进度',
  'My unit': '本单位',
  'All platforms': '全部平台',
  'Construction model': '建设模式',
  'To year': '截止年份',
  'Calendar years': '日历年',
  'Fiscal year of each platform': '各平台财年',
  'Export XLSX': '导出 XLSX',
  'Amounts in other currencies are converted to {{currency}} with the stored yearly exchange rates':
    '其他币种金额已按存储的年度汇率折算为 {{currency}}',
  'Some figures are illustrative demo values: {{platforms}}': '部分数字为示意性演示数据：{{platforms}}',
  Chart: '图表',
  Table: '表格',
};
