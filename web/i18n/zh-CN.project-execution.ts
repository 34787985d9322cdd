/** Projects in execution (issue 13): check moves, linked outputs, evidence files, spending import, reminders. */
export const zhCNProjectExecution: Record<string, string> = {
  'This move is made by the project check (open a check, or adopt its verdict), not directly':
    '该状态变更由项目检查完成（开启检查或通过检查结论），不能直接变更',
  'No such output on this platform that you may see': '本平台没有该成果，或您无权查看',
  'This agreement is not a licence or an option': '该协议不是许可或期权协议',
  'This output is already linked to the project': '该成果已关联到本项目',
  'This output is not linked to the project': '该成果未关联到本项目',
  // Spending import (docs/projects.md "Spending import").
  'Import spending': '导入支出',
  'Evidence reference': '凭证号',
  'Over the approved budget of {{category}}: {{headroom}} left':
    '超出{{category}}批准预算，仅剩 {{headroom}}',
  'Not an amount in yuan with at most two decimals': '不是有效金额（以元为单位，最多两位小数）',
  'The amount must be more than zero': '金额必须大于零',
  'No member of the project consortium has this name or credit code':
    '项目联合体中没有该名称或统一社会信用代码的成员单位',
  'This entry is already booked (same member, category, date, amount and description)':
    '该支出已登记（成员单位、类别、日期、金额和摘要均相同）',
};
