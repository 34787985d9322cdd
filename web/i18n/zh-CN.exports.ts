/** Simplified Chinese of the lists' exports and batch actions, with their shared button and bar (issue 12). */
export const zhCNExports: Record<string, string> = {
  Export: '导出',
  'Selected: {{count}}': '已选：{{count}}',
  'Clear selection': '清除选择',
  'Done: {{succeeded}} · Not done: {{failed}}': '已完成：{{succeeded}} · 未完成：{{failed}}',
  'Pass selected': '批量通过',
  'Select all {{count}} awaiting screening': '全选待审查的 {{count}} 份申请',
  'Return selected': '批量退回',
  'Pass the {{count}} selected applications at screening?': '确认对所选的 {{count}} 份申报书通过形式审查？',
  'Reason for returning (sent to each applicant)': '退回理由（发送给每位申请人）',
  'Disable selected': '批量停用',
  'Enable selected': '批量启用',
  'Disable the {{count}} selected accounts? Their sessions and tokens end.':
    '确认停用所选的 {{count}} 个账号？其会话和令牌将立即失效。',
};
