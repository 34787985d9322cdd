/** zh-CN for the results catalog, the public portal and inquiries (issue 6). */
export const zhCNResults: Record<string, string> = {
  // Error codes (common/error-codes.ts, results and inquiries block)
  'Result not found': '未找到该成果',
  'No unit of this platform has this id': '本平台没有该部门',
  'Only a technology listing has this field': '只有可许可技术才有此项',
  'A technology listing needs this field (in Chinese or English)': '可许可技术须填写此项（中文或英文）',
  'Choose at least one licence type offered': '请至少选择一种提供的许可方式',
  'This result cannot make that change in its current state': '该成果在当前状态下不能进行此操作',
  'Only drafts can be deleted; withdraw a published result instead': '只能删除草稿；已发布的成果请撤回',
  'The lowest TRL must not be above the highest': '最低技术就绪水平不能高于最高值',
  'Inquiry not found': '未找到该咨询',
  'The inquiry cannot move to that state from its current state': '该咨询不能从当前状态转到目标状态',
  'Give the reason for closing the inquiry': '请填写关闭咨询的原因',
  'The period must not end before it starts': '期间的结束日期不能早于开始日期',
};
