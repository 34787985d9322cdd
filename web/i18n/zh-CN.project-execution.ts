/** Projects in execution (issue 13): check moves, linked outputs, evidence files, spending import, reminders. */
export const zhCNProjectExecution: Record<string, string> = {
  'This move is made by the project check (open a check, or adopt its verdict), not directly':
    '该状态变更由项目检查完成（开启检查或通过检查结论），不能直接变更',
  'No such output on this platform that you may see': '本平台没有该成果，或您无权查看',
  'This agreement is not a licence or an option': '该协议不是许可或期权协议',
  'This output is already linked to the project': '该成果已关联到本项目',
  'This output is not linked to the project': '该成果未关联到本项目',
};
