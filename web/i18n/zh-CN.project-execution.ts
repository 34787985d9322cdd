/** Projects in execution (issue 13): check moves, linked outputs, evidence files, spending import, reminders. */
export const zhCNProjectExecution: Record<string, string> = {
  'This move is made by the project check (open a check, or adopt its verdict), not directly':
    '该状态变更由项目检查完成（开启检查或通过检查结论），不能直接变更',
};
