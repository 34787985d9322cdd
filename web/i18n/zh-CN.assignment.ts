/** Simplified Chinese of the assignment runs and invitations (issue 5): error codes and UI text. */
export const zhCNAssignment: Record<string, string> = {
  Conflicts: '回避',
  'Reviewer assignment': '专家分配',
  'Scores and panel': '评分与会评',
  Decision: '立项决策',
};
