/** Simplified Chinese of the assignment runs and invitations (issue 5): error codes and UI text. */
export const zhCNAssignment: Record<string, string> = {
  Conflicts: '回避',
  'Reviewer assignment': '专家分配',
  'Scores and panel': '评分与会评',
  Decision: '立项决策',
  // Error codes (common/error-codes.assignment.ts)
  'The assignment instance is invalid': '分配输入数据无效',
  'The assignment constraints cannot be satisfied': '分配约束无法同时满足',
  'This call has no applications in review': '该计划没有处于评审中的申报书',
  'Assignment run not found': '未找到该分配方案',
  'Only a draft run can be published': '只能发布草稿状态的分配方案',
  'This call already has published seats; refill declined seats instead':
    '该计划已发布评审邀请；请改用补选填补谢绝的席位',
  'Publish an assignment before refilling seats': '请先发布分配方案，再进行补选',
  'No open seat to refill: every application has its reviewers invited or accepted':
    '没有需要补选的席位：每份申报书的评审专家均已邀请或已接受',
  'This pair is excluded by a conflict-of-interest rule': '该专家与申报书因回避规则被排除',
  'This expert or application is not part of the review': '该专家或申报书不在本次评审范围内',
  'This pair already has a pin or forbid': '该专家与申报书已有指定或排除设置',
  'Pin or forbid not found': '未找到该指定或排除设置',
  'Review invitation not found': '未找到该评审邀请',
  'This invitation is no longer open': '该评审邀请已不可答复',
  'The time to answer this invitation has passed': '答复该评审邀请的期限已过',
};
