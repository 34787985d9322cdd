/** The shell's grouped navigation, page header, platform choice and the role workbench (issue 12). */
export const zhCNWorkbench: Record<string, string> = {
  Workbench: '工作台',
  'Main navigation': '主导航',
  'Calls and applications': '申报管理',
  'Review management': '评审管理',
  'Project management': '项目管理',
  'Technology transfer': '成果转化',
  'Enterprise services': '企业服务',
  'Statistics and analysis': '统计分析',
  'System management': '系统管理',
  'All my platforms': '我的全部平台',
};
