/** Technology needs and matchmaking (技术需求对接, docs/needs.md): error codes and the needs pages. */
export const zhCNNeeds: Record<string, string> = {
  'Technology need not found': '未找到该技术需求',
  'The need cannot do this in its current state': '该需求当前状态下不能进行此操作',
  'The need is no longer open': '该需求已不在征集中',
  'Link your account to your enterprise before posting a need': '请先将账号关联到所在企业，再发布需求',
  'The deadline must not be in the past': '截止日期不能早于今天',
  'Unknown field': '未知的领域',
  'This is not among the need’s matches': '该对象不在此需求的匹配结果中',
  'This match has already been contacted for the need': '已就此需求联系过该匹配对象',
  'Contact not found': '未找到该对接联系',
  'The contact has already been answered': '该对接联系已答复',
  'Say why when the reason is “other”': '选择“其他原因”时请说明理由',
};
