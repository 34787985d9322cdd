/** zh-CN messages of the error codes of calls, notifications and intramural projects (issue 4). */
export const zhCNCallsErrors: Record<string, string> = {
  'Call not found': '未找到该计划',
  'Another call of this platform already has this code': '本平台已有计划使用此编号',
  "This action is not allowed in the call's current state": '计划当前状态下不允许此操作',
  'Only a draft call can be edited': '只能编辑草稿状态的计划',
  'The call must close after it opens': '截止时间必须晚于开始受理时间',
  'The closing time must be in the future': '截止时间必须晚于当前时间',
  'The per-project ceiling must not exceed the total budget': '单项资助上限不得超过总预算',
  'Set a total budget and a per-project ceiling above zero': '请设置大于零的总预算和单项资助上限',
  'Choose at least one technology field': '请至少选择一个技术领域',
  'Write a summary in Chinese or English': '请填写中文或英文简介',
  'The new deadline must be later than the current one': '新的截止时间必须晚于当前截止时间',
  'Notification not found': '未找到该通知',
  'Project not found': '未找到该项目',
  'Another project of this platform already has this code': '本平台已有项目使用此编号',
  'Unknown unit of this platform': '本平台没有该部门',
  'The project must not end before it starts': '项目结束日期不得早于开始日期',
};
