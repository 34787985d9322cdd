/** Simplified Chinese of the funding decisions (issue 5): error codes and UI text. */
export const zhCNDecisions: Record<string, string> = {
  'Funding decision not found': '未找到资助决定',
  'Funding decisions are made while the call is in review': '资助决定须在计划评审阶段作出',
  'No selection within the budget satisfies these constraints': '预算内没有满足这些约束的立项组合',
  'The selection did not finish within the solver limit; relax the constraints': '求解超出限制，请放宽约束',
  'The decision is final and can no longer change': '该决定已定稿，不能再修改',
  'Approving this application would exceed the call budget': '批准该申报将超出计划总预算',
  'The application is not part of this decision': '该申报书不在本决定中',
  'The minimum is above the maximum': '最小值大于最大值',
  'Each field at most once': '每个领域只能设置一次',
};
