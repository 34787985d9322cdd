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
  // Reminders of reports due, on the platform's page.
  'Report reminders': '报告提醒',
  'The lead side of each project (the contact of the lead member and the owner of the application) is reminded in-app and by e-mail of each report not yet submitted, once per report and day below.':
    '系统按以下天数，通过站内通知和电子邮件提醒每个项目的牵头方（牵头单位联系人和申报书所有者）提交尚未提交的报告；每份报告每个提醒日只提醒一次。',
  'The defaults apply: the platform has not set its own.': '当前为默认设置，本平台尚未自行设置。',
  'Last changed {{at}}': '最近修改：{{at}}',
  Reminders: '报告提醒',
  'Days before a report is due': '到期前提醒（天）',
  'Days after a report is overdue': '逾期后提醒（天）',
  'Reminder settings saved': '报告提醒设置已保存',
  'This day is already in the list': '该天数已在列表中',
  'Enter a number of days': '请输入天数',
  'Remove {{label}} {{n}}': '删除{{label}}第 {{n}} 项',
  'Add a day': '添加天数',
  '0 days before is the due day itself. A run that missed a day still sends within a week; a reminder is never sent twice.':
    '到期前 0 天即到期当天。某天未能运行时，一周内仍会补发；同一提醒不会重复发送。',
  // Reminders sent (docs/projects.md "Reminders sent")
  'Reminders sent': '已发提醒',
  '{{n}} days before the due day': '到期前 {{n}} 天',
  'On the due day': '到期当天',
  '{{n}} days overdue': '逾期 {{n}} 天',
  '{{n}} recipients (names not recorded)': '{{n}} 位接收人（未记录姓名）',
  '{{name}} ({{channel}})': '{{name}}（{{channel}}）',
  'In-app and e-mail': '站内消息和邮件',
  'In-app': '站内消息',
  Sent: '已发送',
  'Already sent by another run': '已由另一次运行发送',
  'Report submitted meanwhile': '报告已提交',
  'No one to remind': '无人可提醒',
  'Last run of the reminders': '最近一次提醒运行',
  'The reminders have not run for this platform yet': '本平台尚未运行过报告提醒',
  'Ran at {{time}}, judging by {{day}}': '运行于 {{time}}，按 {{day}} 判断',
  'Nothing was due on that run': '该次运行没有到期的提醒',
  Reminder: '提醒',
};
