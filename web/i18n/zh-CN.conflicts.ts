/** Simplified Chinese of the conflict rules (issue 5): error codes and UI text. */
export const zhCNConflicts: Record<string, string> = {
  'Conflict rule set not found': '未找到回避规则集',
  'This conflict rule set does not exist or belongs to another platform': '该回避规则集不存在或属于其他平台',
  'This rule set code is already used by another platform': '该规则集代码已被其他平台使用',
  'This application is not part of this call': '该申请不属于本指南',
  'Expert not found': '未找到专家',
  'An application may name at most 3 experts to avoid': '每项申请最多可提出 3 名回避专家',
  'This name is already on the list of experts to avoid': '该姓名已在回避专家名单中',
  'Experts to avoid can only be changed while the application is a draft or returned for correction':
    '仅在申请为草稿或退回修改状态时可修改回避专家',
  'This request to avoid an expert was not found': '未找到该回避申请',
};
