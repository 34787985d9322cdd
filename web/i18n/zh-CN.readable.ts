/** Words where pages showed codes, ids or raw timings (issue 12 items 6–8). */
export const zhCNReadable: Record<string, string> = {
  'Other attachment': '其他附件',
  'not ranked (no score yet)': '未排名（尚无评分）',
  'Optimal assignment (minimum-cost flow)': '最优分配（最小费用流）',
  'Random draw': '随机抽取',
  'Random draw among the best matches': '在匹配度最高者中随机抽取',
  'Optimal funding plan (branch and bound)': '最优资助方案（分支定界）',
  'Gathering the data': '准备数据',
  'Checking conflicts of interest': '利益冲突检查',
  'Matching expertise': '专业匹配',
  'Computing the result': '求解',
  '{{phase}}: {{ms}} ms': '{{phase}}：{{ms}} 毫秒',
  'How this was computed (for auditors)': '计算过程（供审计核查）',
  Method: '计算方法',
  'Input fingerprint (SHA-256)': '输入数据指纹（SHA-256）',
  'Time taken': '用时',
};
