/** The public portal's home at /public (issue 12 item 4). */
export const zhCNPortal: Record<string, string> = {
  'Public portal': '门户首页',
  'Search results and technologies': '搜索成果与技术',
  'Open calls': '正在申报的计划',
  'No call is open for applications': '暂无正在申报的计划',
  'Search all results': '全部成果',
  'No results published yet': '暂无已发布的成果',
};
